// Count widget: its schema rules, its query (one value, a ratio's numerator and denominator) and its view.
import { describe, expect, it } from 'vitest'
import { widgetSchema } from '../schema'
import { widgetGrid } from '../shared/data'
import { context, row, widget } from '../test-helpers'
import { countView } from './options'
import { countQuery } from './query'
import { canCompare } from './schema'

const now = new Date('2026-03-10T12:00:00Z')
const ratio = widget({
  type: 'count', entity: 'assets', metric: { kind: 'ratio', numerator: 'missingCriticalCount > 0' }, representation: 'ratio',
  display: { unit: '%', thresholds: { base: '#00ff00', steps: [{ from: 40, color: '#ff0000' }, { from: 20, color: '#ffff00' }] } },
})

describe('count widget', () => {
  it('sorts threshold steps and refuses a ratio representation without a ratio metric or a comparison without history', () => {
    expect(ratio.display.thresholds?.steps.map((step) => step.from)).toEqual([20, 40])
    const bad = widgetSchema.safeParse({ id: crypto.randomUUID(), type: 'count', title: 'x', entity: 'patches', representation: 'ratio', comparisonDaysAgo: 7 })
    expect(bad.success ? [] : bad.error.issues.map((issue) => issue.path.join('.'))).toEqual(['representation', 'comparisonDaysAgo'])
    const timeToPatch = widgetSchema.safeParse({ id: crypto.randomUUID(), type: 'count', title: 'x', entity: 'history', series: 'failedInstalls', comparisonDaysAgo: 7 })
    expect(timeToPatch.success).toBe(false)
  })

  it('compares a count of assets or findings unless a token of its query or metric has no history, naming the token', () => {
    const refusal = (input: Record<string, unknown>) => {
      const parsed = widgetSchema.safeParse({ id: crypto.randomUUID(), type: 'count', title: 'x', comparisonDaysAgo: 7, ...input })
      return parsed.success ? null : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
    }
    expect(refusal({ entity: 'findings', query: 'status: Missing AND patch.vendorSeverity: Critical AND asset.osFamily: Windows' })).toBeNull()
    expect(refusal({ entity: 'assets', query: 'tags.name: Site-Berlin', metric: { kind: 'ratio', numerator: 'missingCriticalCount > 0' } })).toBeNull()
    expect(refusal({ entity: 'assets', query: 'scanDateTime < now-7d' })).toMatch(/^comparisonDaysAgo: no comparison: `scanDateTime` has no history \(the asset's last scan time/)
    expect(refusal({ entity: 'assets', query: 'patch.installedDate > now-7d' })).toContain('`patch.installedDate` has no history')
    expect(refusal({ entity: 'findings', metric: { kind: 'ratio', numerator: 'asset.scanStatus: Scanned' } })).toContain('`asset.scanStatus` has no history')
    expect(refusal({ entity: 'findings', metric: { kind: 'median', measure: 'daysMissing' } })).toContain('`daysMissing` is computed from the present')
    expect(refusal({ entity: 'assets', metric: { kind: 'avg', measure: 'missingCriticalCount' } })).toBeNull()
    expect(refusal({ entity: 'patches' })).toContain('the patch catalog keeps no history')
    // What the builder offers the comparison for.
    const sources = [{ entity: 'findings', series: null }, { entity: 'assets', series: null }, { entity: 'patches', series: null }, { entity: 'history', series: 'compliance' }, { entity: 'history', series: 'failedInstalls' }] as const
    expect(sources.map(canCompare)).toEqual([true, true, false, true, false])
  })

  it('runs a compared count as one row: the value now, then as of N days ago from the events since', () => {
    const compared = widget({ type: 'count', entity: 'assets', query: 'patch.status: Missing', metric: { kind: 'ratio', numerator: 'missingCriticalCount > 0' }, comparisonDaysAgo: 7 })
    const built = countQuery(compared, context())
    if (!built.ok) throw new Error(JSON.stringify(built.problems))
    expect(built.branches).toHaveLength(1)
    const { sql, params } = built.branches[0]
    expect(sql).toMatch(/^SELECT c\.s AS s, c\.k1 AS k1, c\.k2 AS k2, arrayConcat\(c\.v, h\.v\) AS v FROM \(SELECT .* FROM assets AS a FINAL WHERE .*\) AS c CROSS JOIN \(SELECT .*\) AS h$/)
    const past = sql.slice(sql.indexOf('CROSS JOIN'))
    // The past: findings and assets as of that day, counts and the ratio's numerator over them, the same values as parameters.
    expect(past).not.toContain('findings AS f FINAL')
    expect(past).toContain('argMin(e.previous_status, e.event_at) AS status')
    expect(past).toContain('countIf(a.missing_critical_count > {h_n0_q1:Int64})')
    expect(past).toContain('s.scanned_at <')
    expect(params).toMatchObject({ q1: 'Missing', n0_q1: 0, h_q1: 'Missing', h_n0_q1: 0, h_days: 7, h_tz: 'UTC' })
  })

  it('leaves the comparison out, with a note, when a dashboard filter has no history', () => {
    const compared = widget({ type: 'count', entity: 'findings', query: 'status: Missing', comparisonDaysAgo: 7 })
    const built = countQuery(compared, context(undefined, { query: 'scanDateTime > now-1d', tags: [] }))
    if (!built.ok) throw new Error(JSON.stringify(built.problems))
    expect(built.branches[0].sql).not.toContain('arrayConcat')
    expect(built.notes).toEqual(['no comparison with 7 days ago: in the dashboard filter, `scanDateTime` has no history (the asset\'s last scan time is known only as it is now), so its value N days ago cannot be computed'])
  })

  it('counts the numerator with countIf over the same rows as the denominator, parameters apart from the query', () => {
    const built = countQuery(ratio, context())
    if (!built.ok) throw new Error(JSON.stringify(built.problems))
    expect(built.branches[0].sql).toContain('[toFloat64(countIf(a.missing_critical_count > {n0_q1:Int64})), toFloat64(count())] AS v FROM assets AS a FINAL')
    expect(built.branches[0].params).toMatchObject({ n0_q1: 0 })
  })

  it('shows "812 of 2,000 = 40.6 %" in the colour of the step reached', () => {
    const view = countView(ratio, widgetGrid(ratio, [row('', [812, 2000])], { timeZone: 'UTC', now }), [812, 2000])
    expect(view).toMatchObject({ text: '40.6 %', color: '#ff0000', ratio: { numerator: 812, denominator: 2000, text: '812 of 2,000 = 40.6 %' } })
    const low = countView(ratio, widgetGrid(ratio, [row('', [10, 2000])], { timeZone: 'UTC', now }), [10, 2000])
    expect(low.color).toBe('#00ff00')
  })

  it('compares a history state with N days ago', () => {
    const compliance = widget({ type: 'count', entity: 'history', series: 'compliance', days: 10, comparisonDaysAgo: 7, display: { unit: '%' } })
    // Now all 4 installed; two days ago 3 missing ones were installed, so before that 1 of 4 was.
    const rows = [row('current', [0, 4]), row('2026-03-08', [-3, 3])]
    const view = countView(compliance, widgetGrid(compliance, rows, { timeZone: 'UTC', now }))
    expect(view).toMatchObject({ value: 100, comparison: { daysAgo: 7, previous: 25, delta: 75, percent: null, trend: 'up', good: false, text: '+75 % vs 7 days ago' } })
  })

  it('shows the change of a list count in numbers and %, good or bad by `increaseIsGood`', () => {
    const missing = widget({ type: 'count', entity: 'findings', query: 'status: Missing', comparisonDaysAgo: 7 })
    const grid = (values: number[]) => widgetGrid(missing, [row('', values)], { timeZone: 'UTC', now })
    expect(countView(missing, grid([3, 2]), [3, 2]).comparison).toMatchObject({ previous: 2, delta: 1, percent: 50, trend: 'up', good: false, text: '+1 (+50 %) vs 7 days ago' })
    const installed = widget({ type: 'count', entity: 'findings', query: 'status: Installed', comparisonDaysAgo: 7, increaseIsGood: true })
    expect(countView(installed, grid([2, 8]), [2, 8]).comparison).toMatchObject({ delta: -6, percent: -75, trend: 'down', good: false, text: '-6 (-75 %) vs 7 days ago' })
    expect(countView(installed, grid([5, 0]), [5, 0]).comparison).toMatchObject({ delta: 5, percent: null, good: true, text: '+5 vs 7 days ago' })
    // Without the earlier values (the result's note says why) there is no comparison at all.
    expect(countView(missing, grid([3]), [3]).comparison).toBeNull()
  })
})
