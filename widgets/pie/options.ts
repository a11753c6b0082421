// Pie/donut widget ECharts option: one slice per group, coloured by group value, each label its group and share.
import type { WidgetChartOption } from '../echarts'
import type { PieWidget } from '../schema'
import { keyLabel, OTHER_KEY, type Grid } from '../shared/data'
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

/**
 * The group names without the leading words every one of them shares ("Microsoft Windows 10 Enterprise 22H2",
 * "Microsoft Windows Server 2019 Standard 1809" → "10 Enterprise 22H2", "Server 2019 Standard 1809"): cut to a label's
 * width, the shared words were all a card showed of each. Each name keeps at least one word; "Other" and "(none)" take
 * no part. The tooltip keeps the whole name.
 */
export function distinctNames(names: readonly string[]): Map<string, string> {
  const words = names.map((name) => name.split(' '))
  let shared = 0
  if (words.length >= 2) {
    const shortest = Math.min(...words.map((list) => list.length))
    while (shared < shortest - 1 && words.every((list) => list[shared] === words[0][shared])) shared++
  }
  return new Map(names.map((name, index) => [name, words[index].slice(shared).join(' ')]))
}

export function pieOption(widget: PieWidget, grid: Grid): WidgetChartOption {
  const series = grid.series[0] ?? { key: '', label: widget.title, values: [] }
  const short = distinctNames(grid.keys.filter((key) => key !== OTHER_KEY && key !== '').map(keyLabel))
  const shown = (name: string) => short.get(name) ?? name
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'item', valueFormatter: (value) => formatValue(typeof value === 'number' ? value : null, widget.display.unit) },
    legend: { type: 'scroll', bottom: 0, formatter: shown },
    series: [
      {
        type: 'pie',
        name: widget.title,
        radius: widget.donut ? ['45%', '70%'] : '70%',
        // The share on a line of its own, whole where a long name is cut short; stacked labels of thin slices apart.
        label: { formatter: (slice: { name: string; percent?: number }) => `{name|${shown(slice.name)}}\n${slice.percent ?? 0} %`, rich: { name: { lineHeight: 17 } }, minMargin: 6 },
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
