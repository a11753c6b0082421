// One widget's data as a CSV or XLSX file: the widget's result in the VIEWER's scope and the dashboard's filters, audited.
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { runWidgets } from '@/lib/dashboards/run'
import { conflict, notFound } from '@/lib/errors'
import { CONTENT_TYPES } from '@/lib/export/download'
import { exportTimeZone, type ExportFormat } from '@/lib/export/query'
import { csvField, UTF8_BOM } from '@/lib/export/run'
import { XlsxWriter } from '@/lib/export/xlsx'
import { widgetTable, type WidgetTable } from '@/widgets/export-rows'
import { filterText } from '@/widgets/shared/tokens'
import { dashboardIdParams, fileSlug, readDefinition, viewableDashboard } from './dashboards'
import { dashboardDataQuery, filtersFrom } from './dashboards-data'
import { auditExport } from './exports-audit'

export const widgetExportParams = dashboardIdParams.extend({ widgetId: z.uuid('not a widget id') })
/** The data route's filters (`filters`, `tags`, `refresh`), the format, and (CSV) a byte-order mark for Excel. */
export const widgetExportQuery = dashboardDataQuery.extend({
  format: z.enum(['csv', 'xlsx'], { error: 'format must be csv or xlsx' }),
  /** The same 1 / true flag as `refresh`. */
  bom: dashboardDataQuery.shape.refresh,
})

export interface WidgetFile {
  body: Buffer
  filename: string
  contentType: string
  rows: number
}

function csvFile(table: WidgetTable, bom: boolean): Buffer {
  const line = (values: readonly (string | number | boolean | null)[]) => `${values.map((value) => csvField(value === null ? '' : String(value))).join(',')}\r\n`
  const text = [line(table.columns.map((column) => column.header)), ...table.rows.map(line)].join('')
  const bytes = Buffer.from(text, 'utf8')
  return bom ? Buffer.concat([UTF8_BOM, bytes]) : bytes
}

async function xlsxFile(table: WidgetTable): Promise<Buffer> {
  const chunks: Buffer[] = []
  const writer = new XlsxWriter(async (chunk) => void chunks.push(Buffer.from(chunk)), table.columns, { sheetName: 'Widget data' })
  await writer.addRows(table.rows)
  await writer.finish()
  return Buffer.concat(chunks)
}

/**
 * The file of one widget of a dashboard the caller may view: 404 for a dashboard they may not see or a widget it does
 * not have, 409 when the widget has no data to export (it needs a rebuild, does not compile, or the engine refused it).
 */
export async function exportWidgetData(
  db: Database,
  user: SessionUser,
  params: z.infer<typeof widgetExportParams>,
  query: z.infer<typeof widgetExportQuery>,
): Promise<WidgetFile> {
  const record = await viewableDashboard(db, user, params.id)
  const { definition } = readDefinition(record)
  const widget = definition.widgets.find((candidate) => candidate.id === params.widgetId)
  if (widget === undefined) throw notFound('This dashboard has no such widget.', { widgetId: params.widgetId })
  const filters = filtersFrom(query, definition.filters)
  const [result] = await runWidgets(db, [widget], { user, filters, refresh: query.refresh, rollup: 'auto' })
  if (result.status !== 'ok') {
    throw conflict('WIDGET_HAS_NO_DATA', `The widget "${widget.title}" has no data to export (${result.status}); the dashboard shows why.`, { status: result.status })
  }
  const table = widgetTable(widget, result, exportTimeZone(user))
  const format: ExportFormat = query.format
  const body = format === 'csv' ? csvFile(table, query.bom) : await xlsxFile(table)
  await auditExport(db, user, {
    entity: 'widget',
    format,
    query: filterText(filters),
    version: widget.tokenVersion,
    columns: table.columns.map((column) => column.header),
    rows: table.rows.length,
    bytes: body.length,
    dashboardId: record.id,
    widgetId: widget.id,
  })
  const date = new Date().toISOString().slice(0, 10)
  return { body, filename: `${fileSlug(widget.title)}-${date}.${format}`, contentType: CONTENT_TYPES[format], rows: table.rows.length }
}
