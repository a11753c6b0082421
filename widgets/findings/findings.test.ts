// Findings widgets counted per patch before the catalog join: when a widget qualifies, and the shared scan of a scoped render.
import { describe, expect, it } from 'vitest'
import { BERLIN, context, widget } from '../test-helpers'
import { groupedQuery } from '../shared/grouped-query'

const bySeverity = widget({ type: 'bar', entity: 'findings', query: 'status: Missing', groupBy: { token: 'patch.vendorSeverity' } })
const byStatus = widget({ type: 'pie', entity: 'findings', groupBy: { token: 'status' } })

function sqlOf(built: ReturnType<typeof groupedQuery>): string {
  if (!built.ok) throw new Error(JSON.stringify(built.problems))
  return built.branches[0].sql
}

describe('findings counted per patch', () => {
  it('counts the matching findings per patch, then joins the catalog, for everyone', () => {
    const sql = sqlOf(groupedQuery(bySeverity, context()))
    expect(sql).toContain(
      'FROM (SELECT f.patch_id AS patch_id, count() AS n FROM findings AS f FINAL WHERE f.is_deleted = 0 AND f.status = {q1:String} GROUP BY f.patch_id) AS f ' +
        'INNER JOIN patches AS p FINAL ON p.patch_id = f.patch_id WHERE 1 GROUP BY k1',
    )
    expect(sql).toContain('[toFloat64(sum(f.n))] AS v')
  })

  it('reads the findings as they are when nothing is gained or the result could differ', () => {
    // No patch attribute read: no join to spare.
    expect(sqlOf(groupedQuery(byStatus, context()))).toMatch(/FROM findings AS f FINAL WHERE f\.is_deleted = 0 GROUP BY k1/)
    // A criterion on the patch (unscoped), an asset criterion, a finding column beyond patch, status and deleted flag, a distinct count.
    for (const changed of [
      { ...bySeverity, query: 'status: Missing AND patch.isSecurity: true' },
      { ...bySeverity, query: 'status: Missing AND asset.osFamily: Windows' },
      { ...bySeverity, query: 'status: Missing AND firstSeenDate > now-7d' },
      { ...bySeverity, metric: { kind: 'distinctCount' as const, token: 'asset.id' } },
    ]) {
      expect(sqlOf(groupedQuery(changed, context()))).toContain('FROM findings AS f FINAL INNER JOIN')
    }
  })

  it('scoped: every findings widget of the render counts the scope\'s findings per patch and status in the same scalar subquery', () => {
    const severity = sqlOf(groupedQuery(bySeverity, context(BERLIN)))
    const status = sqlOf(groupedQuery(byStatus, context(BERLIN)))
    const security = sqlOf(groupedQuery({ ...bySeverity, query: 'status: Missing AND patch.isSecurity: true' }, context(BERLIN)))
    const counted =
      'arrayJoin((SELECT groupArray((patch_id, status, is_deleted, n)) FROM (SELECT f.patch_id AS patch_id, f.status AS status, f.is_deleted AS is_deleted, count() AS n ' +
      'FROM findings AS f FINAL WHERE f.asset_id IN (SELECT asset_id FROM assets FINAL WHERE hasAny(tags, {scopeTags:Array(String)})) GROUP BY patch_id, status, is_deleted)))'
    for (const sql of [severity, status, security]) expect(sql).toContain(counted)
    expect(severity).toContain('INNER JOIN patches AS p FINAL ON p.patch_id = f.patch_id WHERE f.is_deleted = 0 AND f.status = {q1:String} GROUP BY k1')
    expect(status).not.toContain('JOIN patches')
    expect(security).toContain('p.is_security')
  })
})
