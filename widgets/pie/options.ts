// Pie/donut widget ECharts option: one slice per group, coloured by group value, each label its group and share.
import type { WidgetChartOption } from '../echarts'
import type { PieWidget } from '../schema'
import { keyLabel, type Grid } from '../shared/data'
import { formatValue, groupColor } from '../shared/options'

/**
 * A label ends beside its line, so on the left it runs leftwards; where the card leaves less room beside the pie than a
 * label takes (up to 140 px, the theme's label width) the SVG cut it off ("6.67 %" read "67 %"). That room grows with
 * the width and shrinks with the height (the pie's radius follows the shorter side): under 700 px wide, or less than 1.5
 * times as wide as tall, the labels align to the chart's edges instead and start and end inside it. ECharts applies the
 * queries on every resize; wider cards keep the labels beside their slices.
 */
const EDGE_LABELS = { series: [{ label: { alignTo: 'edge' as const, edgeDistance: 8 } }] }
const PIE_LABEL_MEDIA = [
  { query: { maxWidth: 699 }, option: EDGE_LABELS },
  { query: { maxAspectRatio: 1.5 }, option: EDGE_LABELS },
]

export function pieOption(widget: PieWidget, grid: Grid): WidgetChartOption {
  const series = grid.series[0] ?? { key: '', label: widget.title, values: [] }
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'item', valueFormatter: (value) => formatValue(typeof value === 'number' ? value : null, widget.display.unit) },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        type: 'pie',
        name: widget.title,
        radius: widget.donut ? ['45%', '70%'] : '70%',
        // The share on a line of its own, whole where a long name is cut short; stacked labels of thin slices apart.
        label: { formatter: '{name|{b}}\n{d} %', rich: { name: { lineHeight: 17 } }, minMargin: 6 },
        data: grid.keys.map((key, index) => ({
          name: keyLabel(key),
          value: series.values[index] ?? 0,
          drill: { key, series: series.key },
          itemStyle: { color: groupColor(widget.display, key, index) },
        })),
      },
    ],
    media: PIE_LABEL_MEDIA,
  }
}
