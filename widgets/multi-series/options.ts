// Multi-series widget ECharts option: each series query a bar group or a line over the shared group-by.
import type { WidgetChartOption } from '../echarts'
import { barOption } from '../bar/options'
import { lineOption } from '../line/options'
import type { MultiSeriesWidget } from '../schema'
import type { Grid } from '../shared/data'

export function multiSeriesOption(widget: MultiSeriesWidget, grid: Grid): WidgetChartOption {
  if (widget.chart === 'line') return lineOption(widget, grid)
  return barOption({ ...widget, type: 'bar', orientation: 'vertical', stackBy: null }, grid)
}
