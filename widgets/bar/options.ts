// Bar widget ECharts option: one bar per group (vertical or horizontal), one series per stack value or history series;
// "Other" (bar or stack segment) last, in the neutral colour.
import type { WidgetChartOption } from '../echarts'
import type { BarWidget } from '../schema'
import { keyLabel, type Grid } from '../shared/data'
import { formatValue, groupColor } from '../shared/options'

/** Reads only how bars look, so a multi-series chart of bars uses it too. */
export function barOption(widget: Pick<BarWidget, 'type' | 'stackBy' | 'orientation' | 'display'>, grid: Grid): WidgetChartOption {
  const stacked = widget.stackBy !== null
  const single = grid.series.length === 1 && !stacked
  const categories = { type: 'category' as const, data: grid.keys.map(keyLabel), axisLabel: { width: 160, overflow: 'truncate' as const } }
  const values = { type: 'value' as const, axisLabel: { formatter: (value: number) => formatValue(value, widget.display.unit) } }
  const horizontal = widget.orientation === 'horizontal'
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', valueFormatter: (value) => formatValue(typeof value === 'number' ? value : null, widget.display.unit) },
    legend: single ? { show: false } : { type: 'scroll', bottom: 0 },
    grid: { containLabel: true, left: 8, right: 16, top: 16, bottom: single ? 8 : 32 },
    xAxis: horizontal ? values : categories,
    yAxis: horizontal ? { ...categories, inverse: true } : values,
    series: grid.series.map((series, seriesIndex) => ({
      type: 'bar' as const,
      name: series.label,
      stack: stacked ? 'total' : undefined,
      itemStyle: single ? undefined : { color: groupColor(widget.display, series.key, seriesIndex) },
      data: series.values.map((value, index) => ({
        value,
        drill: { key: grid.keys[index], series: series.key },
        itemStyle: single ? { color: groupColor(widget.display, grid.keys[index], index) } : undefined,
      })),
    })),
  }
}
