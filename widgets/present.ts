// What a widget card shows for a result: a chart option, a count or a table — or the reason there is no data.
import { barOption } from './bar/options'
import { countView, type CountView } from './count/options'
import type { WidgetChartOption } from './echarts'
import { lineOption } from './line/options'
import { multiSeriesOption } from './multi-series/options'
import { pieOption } from './pie/options'
import type { WidgetResult } from './result'
import type { Widget } from './schema'
import { widgetGrid, type Grid } from './shared/data'
import { viewerTimeZone } from './shared/tokens'
import { tableView, type TableView } from './table/options'

export type WidgetView =
  | { kind: 'chart'; option: WidgetChartOption; grid: Grid; notes: string[] }
  | (CountView & { grid: Grid; notes: string[] })
  | (TableView & { grid: Grid; notes: string[] })
  | { kind: 'problem'; result: Exclude<WidgetResult, { status: 'ok' }> }

/** The view of a widget's result for a viewer in `timeZone` (history windows end on the result's day there). */
export function presentWidget(widget: Widget, result: WidgetResult, timeZone: string): WidgetView {
  if (result.status !== 'ok') return { kind: 'problem', result }
  const grid = widgetGrid(widget, result.rows, { timeZone: viewerTimeZone(timeZone), now: new Date(result.computedAt) })
  const notes = result.notes
  switch (widget.type) {
    case 'count':
      return { ...countView(widget, grid, result.rows[0]?.v ?? []), grid, notes }
    case 'table':
      return { ...tableView(widget, grid), grid, notes }
    case 'bar':
      return { kind: 'chart', option: barOption(widget, grid), grid, notes }
    case 'pie':
      return { kind: 'chart', option: pieOption(widget, grid), grid, notes }
    case 'line':
      return { kind: 'chart', option: lineOption(widget, grid, { area: widget.area }), grid, notes }
    case 'multiSeries':
      return { kind: 'chart', option: multiSeriesOption(widget, grid), grid, notes }
  }
}
