// Multi-series widget: one branch per series query over the shared group-by, drawn as bars or lines.
import { describe, expect, it } from 'vitest'
import { widgetGrid } from '../shared/data'
import { context, row, widget } from '../test-helpers'
import { multiSeriesOption } from './options'
import { multiSeriesQuery } from './query'

const missingAndInstalled = widget({
  type: 'multiSeries', entity: 'findings', query: 'patch.vendor: Microsoft', groupBy: { token: 'asset.osFamily' },
  seriesQueries: [{ label: 'Missing', query: 'status: Missing' }, { label: 'Installed', query: 'status: Installed' }],
})

describe('multi-series widget', () => {
  it('builds one branch per series: the widget query AND the series query, series numbered', () => {
    const built = multiSeriesQuery(missingAndInstalled, context())
    if (!built.ok) throw new Error(JSON.stringify(built.problems))
    expect(built.branches.map((branch) => branch.sql.slice(0, 28))).toEqual(['SELECT toUInt16(0) AS s, toS', 'SELECT toUInt16(1) AS s, toS'])
    expect(built.branches.map((branch) => [branch.params.q1, branch.params.q2])).toEqual([['%Microsoft%', 'Missing'], ['%Microsoft%', 'Installed']])
  })

  it('names the series whose query is wrong', () => {
    const broken = { ...missingAndInstalled, seriesQueries: [{ label: 'Bad', query: 'status: Lost' }] }
    expect(multiSeriesQuery(broken, context())).toMatchObject({ ok: false, problems: [{ source: 'seriesQueries.0' }] })
  })

  it('draws each series as bars over the shared groups, or as lines', () => {
    const grid = widgetGrid(missingAndInstalled, [row('Windows', [4]), row('Windows', [9], { s: 1 }), row('Linux', [1], { s: 1 })], { timeZone: 'UTC', now: new Date() })
    const bars = multiSeriesOption(missingAndInstalled, grid)
    expect((bars.series as { type: string; name: string; data: { value: number | null }[] }[]).map((series) => [series.type, series.name, series.data.map((point) => point.value)])).toEqual([
      ['bar', 'Missing', [4, null]],
      ['bar', 'Installed', [9, 1]],
    ])
    const lines = multiSeriesOption({ ...missingAndInstalled, chart: 'line' }, grid)
    expect((lines.series as { type: string }[]).map((series) => series.type)).toEqual(['line', 'line'])
  })
})
