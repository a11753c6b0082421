// Line/trend widget ECharts option: one line per series over the time axis (days, weeks, months or cycles).
import type { WidgetChartOption } from '../echarts'
import type { LineWidget, MultiSeriesWidget } from '../schema'
import { keyLabel, type Grid } from '../shared/data'
import { formatValue, groupColor } from '../shared/options'

export function lineOption(widget: LineWidget | MultiSeriesWidget, grid: Grid, options: { area?: boolean } = {}): WidgetChartOption {
  const single = grid.series.length === 1
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', valueFormatter: (value) => formatValue(typeof value === 'number' ? value : null, widget.display.unit) },
    legend: single ? { show: false } : { type: 'scroll', bottom: 0 },
    grid: { containLabel: true, left: 8, right: 16, top: 16, bottom: single ? 8 : 32 },
    xAxis: { type: 'category', boundaryGap: false, data: grid.keys.map(keyLabel) },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => formatValue(value, widget.display.unit) }, max: widget.display.unit === '%' ? 100 : undefined },
    series: grid.series.map((series, seriesIndex) => ({
      type: 'line' as const,
      name: series.label,
      showSymbol: grid.keys.length <= 31,
      connectNulls: false,
      areaStyle: options.area ? { opacity: 0.15 } : undefined,
      itemStyle: { color: groupColor(widget.display, series.key, seriesIndex) },
      lineStyle: { color: groupColor(widget.display, series.key, seriesIndex) },
      data: series.values.map((value, index) => ({ value, drill: { key: grid.keys[index], series: series.key } })),
    })),
  }
}
