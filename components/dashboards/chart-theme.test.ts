// Chart theming: severity and status keys in the theme's colours on every chart, authors' colours kept for other keys,
// one colour for a single series of bars, the palette for slices, axis and legend text in the theme's text colours.
import { describe, expect, it } from 'vitest'
import { presentWidget } from '@/widgets/present'
import type { WidgetResult } from '@/widgets/result'
import { DEFAULT_WIDGETS } from '@/widgets/defaults'
import type { Widget } from '@/widgets/schema'
import { OTHER_KEY } from '@/widgets/shared/data'
import { widget as widgetOf } from '@/widgets/test-helpers'
import { themedOption, type ChartColors } from './chart-theme'

const COLORS: ChartColors = {
  ui: { '--text': 'rgb(1, 1, 1)', '--text-muted': 'rgb(2, 2, 2)', '--border': 'rgb(3, 3, 3)', '--surface-raised': 'rgb(4, 4, 4)', '--surface': 'rgb(5, 5, 5)' },
  semantic: { [OTHER_KEY]: 'rgb(128, 128, 128)', Critical: 'rgb(200, 0, 0)', Important: 'rgb(200, 100, 0)', Moderate: 'rgb(150, 120, 0)', Low: 'rgb(0, 120, 0)', None: 'rgb(90, 90, 90)', Missing: 'rgb(200, 0, 0)', Installed: 'rgb(0, 120, 0)' },
  palette: ['rgb(10, 10, 10)', 'rgb(20, 20, 20)', 'rgb(30, 30, 30)'],
  font: 'system-ui',
}

const ok = (widget: Widget, rows: { k1: string; k2?: string; v: number }[]): WidgetResult => ({
  status: 'ok', widgetId: widget.id, notes: [], cached: false, computedAt: '2026-12-01T12:00:00.000Z', rows: rows.map((row) => ({ s: 0, k1: row.k1, k2: row.k2 ?? '', v: [row.v] })),
})

function themed(widget: Widget, rows: { k1: string; k2?: string; v: number }[]) {
  const view = presentWidget(widget, ok(widget, rows), 'UTC')
  if (view.kind !== 'chart') throw new Error(`not a chart: ${view.kind}`)
  return themedOption(view.option, widget, COLORS, { animation: false }) as unknown as {
    animation: boolean
    series: { type: string; itemStyle?: { color?: string }; data: { name?: string; itemStyle?: { color?: string } }[] }[]
    xAxis: { axisLabel: { color: string } }
    legend?: { textStyle?: { color: string } }
  }
}

describe('themedOption', () => {
  it('paints severities in the theme’s severity colours, whatever the widget’s own colours say (Low is green)', () => {
    const option = themed(DEFAULT_WIDGETS.missingBySeverity, [{ k1: 'Critical', v: 5 }, { k1: 'Low', v: 2 }])
    expect(option.series[0].data.map((item) => item.itemStyle?.color)).toEqual(['rgb(200, 0, 0)', 'rgb(0, 120, 0)'])
    expect(option.xAxis.axisLabel.color).toBe('rgb(2, 2, 2)')
    expect(option.animation).toBe(false)
  })

  it('gives a single series of bars without colours of their own one colour', () => {
    const option = themed(DEFAULT_WIDGETS.topMissingPatches, [{ k1: 'KB1', v: 9 }, { k1: 'KB2', v: 4 }, { k1: 'KB3', v: 1 }])
    expect(new Set(option.series[0].data.map((item) => item.itemStyle?.color))).toEqual(new Set(['rgb(10, 10, 10)']))
  })

  it('keeps a colour the author chose for a key, and gives other slices the palette in order', () => {
    const widget: Widget = { ...DEFAULT_WIDGETS.assetsByOs, display: { ...DEFAULT_WIDGETS.assetsByOs.display, colors: { Linux: '#123456' } } }
    const option = themed(widget, [{ k1: 'Windows', v: 5 }, { k1: 'Linux', v: 3 }, { k1: 'macOS', v: 1 }])
    expect(option.series[0].data.map((item) => item.itemStyle?.color)).toEqual(['rgb(10, 10, 10)', '#123456', 'rgb(30, 30, 30)'])
  })

  it('paints Missing and Installed slices in the status colours and the legend in the muted text colour', () => {
    const option = themed(DEFAULT_WIDGETS.missingVsInstalled, [{ k1: 'Missing', v: 5 }, { k1: 'Installed', v: 7 }])
    expect(Object.fromEntries(option.series[0].data.map((item) => [item.name, item.itemStyle?.color]))).toEqual({ Missing: 'rgb(200, 0, 0)', Installed: 'rgb(0, 120, 0)' })
    expect(option.legend?.textStyle?.color).toBe('rgb(2, 2, 2)')
  })

  it('paints "Other" in the neutral colour: a slice, a bar of one series and the stack segment (last in the legend)', () => {
    const slices = themed(DEFAULT_WIDGETS.assetsByOs, [{ k1: 'Windows', v: 5 }, { k1: OTHER_KEY, v: 3 }])
    expect(slices.series[0].data.map((item) => item.itemStyle?.color)).toEqual(['rgb(10, 10, 10)', 'rgb(128, 128, 128)'])
    const bars = themed(DEFAULT_WIDGETS.topMissingPatches, [{ k1: 'KB1', v: 9 }, { k1: OTHER_KEY, v: 4 }])
    expect(bars.series[0].data.map((item) => item.itemStyle?.color)).toEqual(['rgb(10, 10, 10)', 'rgb(128, 128, 128)'])
    const stacked = widgetOf({ type: 'bar', entity: 'findings', groupBy: { token: 'asset.osFamily' }, stackBy: { token: 'patch.vendor' }, stackLimit: 1 })
    const segments = themed(stacked, [{ k1: 'Windows', k2: OTHER_KEY, v: 2 }, { k1: 'Windows', k2: 'Microsoft', v: 5 }])
    expect(segments.series.map((one) => one.itemStyle?.color)).toEqual(['rgb(10, 10, 10)', 'rgb(128, 128, 128)'])
  })
})
