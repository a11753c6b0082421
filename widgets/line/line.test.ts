// Line widget: date buckets in the viewer's zone, history series, and the ECharts option over the time axis.
import { describe, expect, it } from 'vitest'
import { widgetSchema } from '../schema'
import { widgetGrid } from '../shared/data'
import { BERLIN, context, row, widget } from '../test-helpers'
import { lineOption } from './options'
import { lineQuery } from './query'

const installsPerWeek = widget({ type: 'line', entity: 'findings', query: 'status: Installed', groupBy: { token: 'installedDate', bucket: 'week' } })

describe('line widget', () => {
  it('needs a date token bucketed by day, week or month', () => {
    expect(widgetSchema.safeParse({ ...installsPerWeek, groupBy: { token: 'installedDate', bucket: null } }).success).toBe(false)
  })

  it('buckets by ISO week in the viewer time zone, in time order, skipping rows without the date', () => {
    const built = lineQuery(installsPerWeek, context(BERLIN))
    if (!built.ok) throw new Error(JSON.stringify(built.problems))
    const [{ sql, params }] = built.branches
    expect(sql).toContain('toString(toMonday(toDate(f.installed_at, {tz:String}))) AS k1')
    expect(sql).toContain('AND f.installed_at IS NOT NULL GROUP BY k1, k2 ORDER BY k1')
    expect(params.tz).toBe('Europe/Berlin')
  })

  it('reads a history series from the scans and events of the assets in the query', () => {
    const trend = widget({ type: 'line', entity: 'history', series: 'compliance', query: 'osFamily: Windows', days: 30 })
    const built = lineQuery(trend, context())
    if (!built.ok) throw new Error(JSON.stringify(built.problems))
    expect(built.branches[0].sql).toContain('FROM finding_events AS e')
    expect(built.branches[0].sql).toContain('e.asset_id IN (SELECT a.asset_id FROM assets AS a FINAL WHERE a.os_family = {q1:String})')
    expect(built.branches[0].params).toMatchObject({ q1: 'Windows', days: 30 })
  })

  it('draws one line per series with an area when asked, and caps a % axis at 100', () => {
    const trend = widget({ type: 'line', entity: 'history', series: 'compliance', days: 3, area: true, display: { unit: '%' } })
    // Now 0 missing and 2 installed; on 03-09 one missing finding was installed and one installed patch appeared.
    const grid = widgetGrid(trend, [row('current', [0, 2]), row('2026-03-09', [-1, 1])], { timeZone: 'UTC', now: new Date('2026-03-10T08:00:00Z') })
    expect(grid.keys).toEqual(['2026-03-08', '2026-03-09', '2026-03-10'])
    const option = lineOption(trend, grid, { area: true })
    const [series] = option.series as { data: { value: number | null }[]; areaStyle: unknown }[]
    expect(series.data.map((point) => point.value)).toEqual([50, 100, 100])
    expect(series.areaStyle).toBeDefined()
    expect(option.yAxis).toMatchObject({ max: 100 })
  })
})
