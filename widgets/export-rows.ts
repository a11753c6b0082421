// A widget's result as the rows of a CSV or XLSX file: the group key, then one number column per metric or series.
import { exportColumns } from '@/lib/export/columns'
import type { XlsxColumn, XlsxValue } from '@/lib/export/xlsx'
import { neutralisedText } from '@/lib/repositories/export'
import type { WidgetResult } from './result'
import type { Widget } from './schema'
import { keyLabel, rowMetrics, widgetGrid } from './shared/data'
import { queryEntity, viewerTimeZone } from './shared/tokens'

export interface WidgetTable {
  columns: XlsxColumn[]
  /** One per group (a time series: one per bucket; a count: one row); text neutralised against formulas. */
  rows: XlsxValue[][]
}

const KEY_WIDTH = 28
const VALUE_WIDTH = 16

/** The header of the group column, or null when the widget has no groups (a count). Dates name the zone they are in. */
function keyHeader(widget: Widget, timeZone: string): string | null {
  if (widget.entity === 'history') {
    if (widget.series === 'timeToPatch') return 'Vendor severity'
    if (widget.series === 'publishedVsInstalled') return 'Patch Tuesday cycle'
    return `Day (${timeZone})`
  }
  if (widget.groupBy === null) return null
  const { token, bucket } = widget.groupBy
  const column = exportColumns(queryEntity(widget.entity)).find((candidate) => candidate.id === token)
  const header = column?.header ?? token
  return bucket !== null || column?.type === 'date' ? `${header}, by ${bucket ?? 'day'} (${timeZone})` : header
}

/** A series' header: its label, with `%` for a ratio (the value is a percentage). */
function seriesHeader(widget: Widget, label: string, index: number): string {
  const metric = widget.type === 'table' ? rowMetrics(widget)[index]?.metric : widget.metric
  return widget.entity !== 'history' && metric?.kind === 'ratio' ? `${label} (%)` : label
}

/** The file's columns and rows for a widget's ok result, in the order and grouping the card shows, for a viewer in `timeZone`. */
export function widgetTable(widget: Widget, result: Extract<WidgetResult, { status: 'ok' }>, timeZone: string): WidgetTable {
  const zone = viewerTimeZone(timeZone)
  const grid = widgetGrid(widget, result.rows, { timeZone: zone, now: new Date(result.computedAt) })
  const key = keyHeader(widget, zone)
  const columns: XlsxColumn[] = [
    ...(key === null ? [] : [{ header: neutralisedText(key), type: 'text' as const, width: KEY_WIDTH }]),
    ...grid.series.map((series, index) => ({ header: neutralisedText(seriesHeader(widget, series.label, index)), type: 'integer' as const, width: VALUE_WIDTH })),
  ]
  // A count is one row (empty when nothing matched); every other widget one row per group key.
  const rows: XlsxValue[][] =
    key === null
      ? [grid.series.map((series) => series.values[0] ?? null)]
      : grid.keys.map((groupKey, index) => [neutralisedText(keyLabel(groupKey)), ...grid.series.map((series) => series.values[index] ?? null)])
  return { columns, rows }
}
