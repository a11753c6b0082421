// Exports whose rows come from a service rather than one engine query (jobs, job progress): batches of rows written as
// CSV or XLSX with the same headers, types, zoned dates and formula neutralisation as the engine-streamed exports.
import type { Writable } from 'node:stream'
import { neutralisedText } from '@/lib/repositories/export'
import type { ColumnType } from './columns'
import type { ExportFormat } from './query'
import { csvField, UTF8_BOM, type ExportResult } from './run'
import { writeChunk } from './sink'
import { XlsxWriter, type XlsxValue } from './xlsx'

/** A column of a service-backed export: what the picker shows, and how a row's value is read. */
export interface TableColumn<Row> {
  id: string
  header: string
  type: ColumnType
  width: number
  /** In the default selection. */
  default: boolean
  /** Text, a number, a boolean, an ISO time (type date), a list (type list) or null for an empty cell. */
  value: (row: Row) => string | number | boolean | string[] | null
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The wall-clock parts of an instant in a zone. */
function zoned(iso: string, timeZone: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } | null {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(date)
      .map((part) => [part.type, Number(part.value)]),
  )
  return { y: parts.year, mo: parts.month, d: parts.day, h: parts.hour, mi: parts.minute, s: parts.second }
}

/** One cell as written: text neutralised, lists joined, dates as zoned text (CSV) or Excel serials of that wall time (XLSX). */
export function cellValue(type: ColumnType, raw: string | number | boolean | string[] | null, format: ExportFormat, timeZone: string): XlsxValue {
  if (raw === null) return format === 'csv' ? '' : null
  if (type === 'date') {
    const t = typeof raw === 'string' ? zoned(raw, timeZone) : null
    if (t === null) return format === 'csv' ? '' : null
    if (format === 'csv') return `${t.y}-${pad(t.mo)}-${pad(t.d)} ${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}`
    return Date.UTC(t.y, t.mo - 1, t.d, t.h, t.mi, t.s) / 86_400_000 + 25_569
  }
  if (type === 'integer') return typeof raw === 'number' ? raw : Number(raw)
  if (type === 'boolean') return format === 'csv' ? String(Boolean(raw)) : Boolean(raw)
  return neutralisedText(Array.isArray(raw) ? raw.join(', ') : String(raw))
}

export interface TableExport<Row> {
  format: ExportFormat
  columns: readonly TableColumn<Row>[]
  /** Headers as written (dates name the zone). */
  headers: readonly string[]
  timeZone: string
  bom?: boolean
  sheetName: string
}

/** Writes the batches to `sink` as they come (one batch in memory at a time); does not end the sink. */
export async function writeTable<Row>(spec: TableExport<Row>, batches: AsyncIterable<readonly Row[]>, sink: Writable, signal?: AbortSignal): Promise<ExportResult> {
  const cells = (row: Row) => spec.columns.map((column) => cellValue(column.type, column.value(row), spec.format, spec.timeZone))
  let rows = 0
  if (spec.format === 'csv') {
    const header = Buffer.from(`${spec.headers.map(csvField).join(',')}\r\n`, 'utf8')
    const head = spec.bom ? Buffer.concat([UTF8_BOM, header]) : header
    await writeChunk(sink, head, signal)
    let bytes = head.length
    for await (const batch of batches) {
      const text = batch.map((row) => `${cells(row).map((value) => csvField(String(value ?? ''))).join(',')}\r\n`).join('')
      const chunk = Buffer.from(text, 'utf8')
      await writeChunk(sink, chunk, signal)
      bytes += chunk.length
      rows += batch.length
    }
    return { rows, bytes, sheets: 1 }
  }
  const writer = new XlsxWriter(
    (chunk) => writeChunk(sink, chunk, signal),
    spec.columns.map((column, index) => ({ header: spec.headers[index], type: column.type, width: column.width })),
    { sheetName: spec.sheetName },
  )
  for await (const batch of batches) {
    await writer.addRows(batch.map(cells))
    rows += batch.length
  }
  const { sheets } = await writer.finish()
  return { rows, bytes: writer.bytesWritten, sheets }
}
