// Bar widget: its query (top N, "Other", stack with its own top N and "Other", filters, scope, parameters) and its ECharts option.
import { describe, expect, it } from 'vitest'
import { BERLIN, context, row, widget } from '../test-helpers'
import { widgetGrid } from '../shared/data'
import { OTHER_COLOR } from '../shared/options'
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

  it('counts a row of a list token in each shown element\'s bar, or once in "Other" when it has none of them', () => {
    const byTag = widget({ type: 'bar', entity: 'assets', groupBy: { token: 'tags.name' }, limit: 3, other: true })
    const built = barQuery(byTag, context())
    if (!built.ok) throw new Error(JSON.stringify(built.problems))
    const shown = '(SELECT groupArray(k1) FROM (SELECT toString(arrayJoin(a.tags)) AS k1 FROM assets AS a FINAL WHERE 1 GROUP BY k1 ORDER BY count() DESC, k1 ASC LIMIT {limit:UInt32}))'
    expect(built.branches[0].sql).toContain(
      `arrayJoin(if(hasAny(arrayMap(x -> toString(x), a.tags), ${shown}), arrayFilter(x -> has(${shown}, x), arrayMap(x -> toString(x), a.tags)), [{otherKey:String}])) AS k1`,
    )
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

  it('stacks by a second token within the top N groups: the top stack values by their total over those bars, the rest as "Other"', () => {
    const stacked = widget({ type: 'bar', entity: 'findings', groupBy: { token: 'asset.osFamily' }, stackBy: { token: 'patch.vendor' }, stackLimit: 3, sort: 'value-asc' })
    const built = barQuery(stacked, context())
    if (!built.ok) throw new Error(JSON.stringify(built.problems))
    const [{ sql, params }] = built.branches
    const top = 'SELECT toString(a.os_family) AS k1 FROM findings AS f FINAL INNER JOIN assets AS a FINAL ON a.asset_id = f.asset_id INNER JOIN patches AS p FINAL ON p.patch_id = f.patch_id WHERE f.is_deleted = 0 GROUP BY k1 ORDER BY count() ASC, k1 ASC LIMIT {limit:UInt32}'
    const bars = `WHERE f.is_deleted = 0 AND toString(a.os_family) IN (${top})`
    // Stack values rank largest first whatever the bars' sort, over the rows of the bars shown.
    const topStacks = `SELECT toString(p.vendor) AS k2 FROM findings AS f FINAL INNER JOIN assets AS a FINAL ON a.asset_id = f.asset_id INNER JOIN patches AS p FINAL ON p.patch_id = f.patch_id ${bars} GROUP BY k2 ORDER BY count() DESC, k2 ASC LIMIT {stackLimit:UInt32}`
    expect(sql).toBe(
      `SELECT toUInt16(0) AS s, toString(a.os_family) AS k1, if(toString(p.vendor) IN (${topStacks}), toString(p.vendor), {otherKey:String}) AS k2, [toFloat64(count())] AS v ` +
        `FROM findings AS f FINAL INNER JOIN assets AS a FINAL ON a.asset_id = f.asset_id INNER JOIN patches AS p FINAL ON p.patch_id = f.patch_id ${bars} GROUP BY k1, k2`,
    )
    expect(params).toEqual({ limit: 10, stackLimit: 3, otherKey: OTHER_KEY })
  })

  it('with "Other" bars, ranks stack values over every row and folds both groups in the same statement', () => {
    const stacked = widget({ type: 'bar', entity: 'assets', query: 'osFamily: Windows', groupBy: { token: 'operatingSystem' }, stackBy: { token: 'architecture' }, other: true, limit: 2 })
    const built = barQuery(stacked, context(BERLIN))
    if (!built.ok) throw new Error(JSON.stringify(built.problems))
    expect(built.branches).toHaveLength(1)
    const [{ sql, params }] = built.branches
    expect(sql).toMatch(/^SELECT toUInt16\(0\) AS s, if\(toString\(a\.operating_system\) IN \(SELECT .* LIMIT \{limit:UInt32\}\), toString\(a\.operating_system\), \{otherKey:String\}\) AS k1, if\(toString\(a\.architecture\) IN \(SELECT .* LIMIT \{stackLimit:UInt32\}\), toString\(a\.architecture\), \{otherKey:String\}\) AS k2, /)
    // Every row counts in a bar (its own or "Other"), so no bar restriction in the WHERE.
    expect(sql).not.toMatch(/AND toString\(a\.operating_system\) IN/)
    expect(sql.match(/hasAny\(a\.tags, \{scopeTags:Array\(String\)\}\)/g)).toHaveLength(3)
    expect(params).toMatchObject({ q1: 'Windows', scopeTags: ['Site-Berlin'], limit: 2, stackLimit: 5, otherKey: OTHER_KEY })
  })

  it('keeps every bucket of a time axis and folds its stack values past the limit', () => {
    const stacked = widget({ type: 'bar', entity: 'findings', groupBy: { token: 'firstSeenDate', bucket: 'month' }, stackBy: { token: 'status' }, stackLimit: 1 })
    const built = barQuery(stacked, context(BERLIN))
    if (!built.ok) throw new Error(JSON.stringify(built.problems))
    const [{ sql, params }] = built.branches
    expect(sql).toContain('substring(toString(toStartOfMonth(toDate(f.first_seen_at, {tz:String}))), 1, 7) AS k1, if(toString(f.status) IN (SELECT toString(f.status) AS k2 ')
    expect(sql).not.toContain('{limit:UInt32}')
    expect(params).toMatchObject({ tz: 'Europe/Berlin', stackLimit: 1 })
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

  it('puts the "Other" stack segment last, in the neutral colour, each segment carrying its bar and stack value', () => {
    const stacked = widget({ type: 'bar', entity: 'findings', groupBy: { token: 'asset.osFamily' }, stackBy: { token: 'patch.vendor' }, other: true, stackLimit: 2 })
    const rows = [
      row('Windows', [4], { k2: OTHER_KEY }), row('Windows', [5], { k2: 'Microsoft' }), row('Windows', [1], { k2: 'Adobe' }),
      row(OTHER_KEY, [2], { k2: OTHER_KEY }), row(OTHER_KEY, [3], { k2: 'Adobe' }), row('Linux', [6], { k2: 'Adobe' }),
    ]
    const grid = widgetGrid(stacked, rows, { timeZone: 'UTC', now: new Date() })
    const option = barOption(stacked, grid)
    expect(option.xAxis).toMatchObject({ data: ['Windows', 'Linux', 'Other'] })
    const series = option.series as { name: string; itemStyle: { color: string }; data: { value: number | null; drill: unknown }[] }[]
    expect(series.map((entry) => entry.name)).toEqual(['Adobe', 'Microsoft', 'Other'])
    expect(series[2].itemStyle.color).toBe(OTHER_COLOR)
    expect(series.slice(0, 2).map((entry) => entry.itemStyle.color)).not.toContain(OTHER_COLOR)
    expect(series[2].data.map((point) => point.value)).toEqual([4, null, 2])
    expect(series[2].data[2].drill).toEqual({ key: OTHER_KEY, series: OTHER_KEY })
  })

  it('paints the "Other" bar of a single series in the neutral colour', () => {
    const grid = widgetGrid(bySeverity, [row(OTHER_KEY, [9]), row('Low', [2])], { timeZone: 'UTC', now: new Date() })
    const [series] = barOption(bySeverity, grid).series as { data: { itemStyle: { color: string } }[] }[]
    expect(series.data[1].itemStyle.color).toBe(OTHER_COLOR)
    expect(series.data[0].itemStyle.color).not.toBe(OTHER_COLOR)
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
