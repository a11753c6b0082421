// Pie widget: additive metrics only, its query, slices with their colours and drill data, labels that stay inside the card.
import { describe, expect, it } from 'vitest'
import { themedOption } from '@/components/dashboards/chart-theme'
import { echarts } from '../echarts'
import { widgetSchema } from '../schema'
import { OTHER_KEY, widgetGrid } from '../shared/data'
import { BERLIN, context, row, widget } from '../test-helpers'
import { distinctNames, pieOption } from './options'
import { pieQuery } from './query'

const byStatus = widget({ type: 'pie', entity: 'findings', groupBy: { token: 'status' }, donut: true, display: { colors: { Missing: '#c62828' } } })

describe('pie widget', () => {
  it('takes slices that add up: no averages or ratios', () => {
    const parsed = widgetSchema.safeParse({ ...byStatus, metric: { kind: 'avg', measure: 'daysMissing' } })
    expect(parsed.success).toBe(false)
  })

  it('groups current findings by status, the scope a semi-join on asset ids, no join unless a criterion reads the asset', () => {
    const built = pieQuery(byStatus, context())
    if (!built.ok) throw new Error(JSON.stringify(built.problems))
    expect(built.branches[0].sql).toMatch(/^SELECT toUInt16\(0\) AS s, toString\(f\.status\) AS k1, '' AS k2, \[toFloat64\(count\(\)\)\] AS v FROM findings AS f FINAL WHERE f\.is_deleted = 0 GROUP BY k1/)
    const scoped = pieQuery(byStatus, context(BERLIN))
    if (!scoped.ok) throw new Error(JSON.stringify(scoped.problems))
    // Counted per patch and status in the scope first (widgets/findings/query.ts), the criteria over those counts.
    expect(scoped.branches[0].sql).toContain('FROM findings AS f FINAL WHERE f.asset_id IN (SELECT asset_id FROM assets FINAL WHERE hasAny(tags, {scopeTags:Array(String)})) GROUP BY patch_id, status, is_deleted')
    expect(scoped.branches[0].sql).toContain('AS f WHERE f.is_deleted = 0 GROUP BY k1')
    const withAssetCriterion = pieQuery({ ...byStatus, query: 'asset.osFamily: Windows' }, context(BERLIN))
    if (!withAssetCriterion.ok) throw new Error(JSON.stringify(withAssetCriterion.problems))
    expect(withAssetCriterion.branches[0].sql).toContain('FROM findings AS f FINAL INNER JOIN assets AS a FINAL ON a.asset_id = f.asset_id WHERE')
  })

  it('draws a donut with one slice per group in its colour', () => {
    const option = pieOption(byStatus, widgetGrid(byStatus, [row('Installed', [30]), row('Missing', [10])], { timeZone: 'UTC', now: new Date() }))
    const [series] = option.series as { radius: string[]; data: { name: string; value: number; itemStyle: { color: string }; drill: unknown }[] }[]
    expect(series.radius).toEqual(['45%', '70%'])
    expect(series.data.map((slice) => [slice.name, slice.value])).toEqual([['Installed', 30], ['Missing', 10]])
    expect(series.data[1]).toMatchObject({ itemStyle: { color: '#c62828' }, drill: { key: 'Missing' } })
  })

  it('labels its slices with the group and, on a line of its own, the share', () => {
    const [series] = pieOption(byStatus, widgetGrid(byStatus, [row('Installed', [30])], { timeZone: 'UTC', now: new Date() })).series as { label: { formatter: (slice: object) => string } }[]
    expect(series.label).toMatchObject({ minMargin: 6 })
    expect(series.label.formatter({ name: 'Installed', percent: 66.67 })).toBe('{name|Installed}\n66.67 %')
  })

  it('shows the groups without the words they all begin with, in labels and legend (the tooltip keeps the whole name)', () => {
    expect([...distinctNames(['Microsoft Windows 10 Enterprise 22H2', 'Microsoft Windows Server 2019 Standard 1809', 'Microsoft Windows 11 Pro']).values()]).toEqual([
      '10 Enterprise 22H2', 'Server 2019 Standard 1809', '11 Pro',
    ])
    expect([...distinctNames(['Microsoft Windows 10', 'Ubuntu 22.04']).values()]).toEqual(['Microsoft Windows 10', 'Ubuntu 22.04'])
    // Every name keeps a word; one group alone keeps its name.
    expect([...distinctNames(['Windows 10', 'Windows 10 Pro']).values()]).toEqual(['10', '10 Pro'])
    expect([...distinctNames(['Microsoft Windows 10']).values()]).toEqual(['Microsoft Windows 10'])
    const os = widget({ type: 'pie', entity: 'assets', groupBy: { token: 'operatingSystem' }, other: true, limit: 2 })
    const grid = widgetGrid(os, [row('Microsoft Windows 10 Pro', [5]), row('Microsoft Windows 11 Pro', [4]), row(OTHER_KEY, [1])], { timeZone: 'UTC', now: new Date() })
    const option = pieOption(os, grid)
    const [series] = option.series as { label: { formatter: (slice: object) => string }; data: { name: string }[] }[]
    const legend = option.legend as { formatter: (name: string) => string }
    expect(series.data.map((slice) => slice.name)).toEqual(['Microsoft Windows 10 Pro', 'Microsoft Windows 11 Pro', 'Other'])
    expect(series.data.map((slice) => legend.formatter(slice.name))).toEqual(['10 Pro', '11 Pro', 'Other'])
    expect(series.label.formatter({ name: 'Microsoft Windows 11 Pro', percent: 40 })).toBe('{name|11 Pro}\n40 %')
  })

  it('aligns the labels to the chart edges where a label beside the pie could run past the edge: narrow or tall cards', () => {
    const os = widget({ type: 'pie', entity: 'assets', groupBy: { token: 'operatingSystem' } })
    const option = pieOption(os, widgetGrid(os, [row('Microsoft Windows Server 2019 Standard 1809', [27]), row('Microsoft Windows 11 Pro 23H2', [7])], { timeZone: 'UTC', now: new Date() }))
    const gray = 'rgb(128, 128, 128)'
    const colors = { ui: { '--text': gray, '--text-muted': gray, '--border': gray, '--surface-raised': gray, '--surface': gray }, semantic: {}, palette: [gray], font: 'sans-serif' }
    const alignment = (width: number, height: number) => {
      // ECharts applies the media queries to the chart's size: the themed option as the card draws it.
      const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
      chart.setOption(themedOption(option, os, colors, { animation: false, width }), { notMerge: true })
      const [series] = (chart.getOption() as { series: { label: { alignTo: string } }[] }).series
      chart.dispose()
      return series.label.alignTo
    }
    // A quarter of the 12-column grid at 1280 px (the default dashboard's pies), half of it, a tall card, a square one.
    expect([alignment(330, 290), alignment(500, 290), alignment(700, 700), alignment(1000, 800)]).toEqual(['edge', 'edge', 'edge', 'edge'])
    // Wide cards keep the labels beside their slices (edge labels would sit far from a small pie).
    expect([alignment(866, 290), alignment(1200, 290), alignment(1000, 660)]).toEqual(['none', 'none', 'none'])
  })
})
