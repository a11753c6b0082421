// Pie/donut widget ECharts option: one slice per group, coloured by group value.
import type { WidgetChartOption } from '../echarts'
import type { PieWidget } from '../schema'
import { keyLabel, type Grid } from '../shared/data'
import { formatValue, groupColor } from '../shared/options'

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
        label: { formatter: '{b}: {d} %' },
        data: grid.keys.map((key, index) => ({
          name: keyLabel(key),
          value: series.values[index] ?? 0,
          drill: { key, series: series.key },
          itemStyle: { color: groupColor(widget.display, key, index) },
        })),
      },
    ],
  }
}
