// Bar widget: its query (top N, "Other", stack, filters, scope, parameters) and its ECharts option.
import { describe, expect, it } from 'vitest'
import { BERLIN, context, row, widget } from '../test-helpers'
import { widgetGrid } from '../shared/data'
import { OTHER_KEY } from '../shared/query'
import { barOption } from './options'
import { barQuery } from './query'

const bySeverity = widget({ type: 'bar', entity: 'findings', query: 'status: Missing', groupBy: { token: 'patch.vendorSeverity' }, limit: 3, other: true })

describe('bar query', () => {
  it('groups by the token, keeps the top N and sums the rest into "Other" in one pass', () => {
    const built = barQuery(bySeverity, context())
    if (!built.ok) throw new Error(JSON.stringify(built.problems))
    const [{ sql, params }] = built.branches
    expect(sql).toContain('toString(p.vendor_severity) AS k1')
    expect(sql).toContain('row_number() OVER (ORDER BY o DESC, k1 ASC)')
    expect(sql).toContain('if(rank <= {limit:UInt32}, k1, {otherKey:String})')
    expect(params).toMatchObject({ q1: 'Missing', limit: 3, otherKey: OTHER_KEY })
  })

  it('puts user values only into parameters, and the viewer scope and dashboard filters into the WHERE', () => {
    const hostile = widget({ type: 'bar', entity: 'assets', query: "name: \"x'); DROP TABLE assets; --\"", groupBy: { token: 'osFamily' } })
    const built = barQuery(hostile, context(BERLIN, { query: 'osFamily: Windows', tags: ['Finance'] }))
    if (!built.ok) throw new Error(JSON.stringify(built.problems))
    const [{ sql, params }] = built.branches
    expect(sql).not.toContain('DROP')
    expect(Object.values(params)).toContain("%x'); DROP TABLE assets; --%")
    expect(sql).toContain('hasAny(a.tags, {scopeTags:Array(String)})')
    expect(params).toMatchObject({ scopeTags: ['Site-Berlin'] })
    // Dashboard filters: the clause and the tag picker's tags.
    expect(sql).toContain('a.os_family = {q2:String} AND arrayExists(x -> x ILIKE {q3:String}, a.tags)')
    expect(params).toMatchObject({ q2: 'Windows', q3: 'Finance' })
  })

  it('stacks by a second token within the top N groups', () => {
    const stacked = widget({ type: 'bar', entity: 'findings', groupBy: { token: 'asset.osFamily' }, stackBy: { token: 'status' } })
    const built = barQuery(stacked, context())
    if (!built.ok) throw new Error(JSON.stringify(built.problems))
    expect(built.branches[0].sql).toMatch(/toString\(f\.status\) AS k2, .* IN \(SELECT toString\(a\.os_family\) AS k1 .* LIMIT \{limit:UInt32\}\) GROUP BY k1, k2/)
  })

  it('names what is wrong with a group-by', () => {
    const built = barQuery(widget({ type: 'bar', entity: 'assets', groupBy: { token: 'missingPatchCount' } }), context())
    expect(built).toMatchObject({ ok: false, problems: [{ source: 'groupBy', message: expect.stringContaining('cannot group assets') }] })
  })
})

describe('bar option', () => {
  it('shows the groups in the sort order with "Other" last, each point carrying what drill-down needs', () => {
    const grid = widgetGrid(bySeverity, [row(OTHER_KEY, [9]), row('Low', [2]), row('Critical', [5]), row('Important', [7])], { timeZone: 'UTC', now: new Date() })
    const option = barOption(bySeverity, grid)
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['Important', 'Critical', 'Low', 'Other'] })
    const [series] = option.series as { data: { value: number; drill: unknown }[] }[]
    expect(series.data.map((point) => point.value)).toEqual([7, 5, 2, 9])
    expect(series.data[3].drill).toEqual({ key: OTHER_KEY, series: '0' })
  })

  it('lays a horizontal chart on its side and stacks series by the stack value, each in its colour', () => {
    const stacked = widget({ type: 'bar', entity: 'findings', groupBy: { token: 'asset.osFamily' }, stackBy: { token: 'status' }, orientation: 'horizontal', display: { colors: { Missing: '#c62828' } } })
    const grid = widgetGrid(stacked, [row('Windows', [3], { k2: 'Missing' }), row('Windows', [4], { k2: 'Installed' })], { timeZone: 'UTC', now: new Date() })
    const option = barOption(stacked, grid)
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['Windows'] })
    const series = option.series as { name: string; stack: string; itemStyle: { color: string } }[]
    expect(series.map((entry) => [entry.name, entry.stack])).toEqual([['Missing', 'total'], ['Installed', 'total']])
    expect(series[0].itemStyle.color).toBe('#c62828')
  })
})
