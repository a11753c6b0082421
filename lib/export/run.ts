// The core export: a list's rows, in the chosen columns, streamed from the engine to a CSV or XLSX sink in flat memory.
import type { Writable } from 'node:stream'
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { headerFor, resolveColumns, type ExportColumn, type ExportEntity } from './columns'
import { countSourceRows, exportStatement } from '@/lib/repositories/export'
import { exportSource, exportTimeZone, type ExportFormat, type ExportSort } from './query'
import { ExportStopped, writeChunk } from './sink'
import { XlsxWriter, type XlsxValue } from './xlsx'

export interface ExportRequest {
  db: Database
  user: SessionUser
  entity: ExportEntity
  format: ExportFormat
  /** The list's QQL (quick filters are clauses in it); '' exports everything in the user's scope. */
  query: string
  /** Token version the query is written in (absent: current). */
  version?: number
  /** Column ids of the registry, in order; null or empty: the entity's default columns. */
  columns?: readonly string[] | null
  /** The list's sort; absent: the list's default order. */
  sort?: ExportSort | null
  /** CSV only: start with a UTF-8 byte-order mark, which Excel needs to read UTF-8. */
  bom?: boolean
  /** XLSX only: data rows per sheet (default 1,048,575, Excel's limit); tests use a small one. */
  sheetRowLimit?: number
}

export type CountRequest = Pick<ExportRequest, 'db' | 'user' | 'entity' | 'query' | 'version'>

export interface ExportResult {
  rows: number
  bytes: number
  /** XLSX: worksheets written; CSV: 1. */
  sheets: number
}

/** Called after each chunk of rows has been written (not per row). */
export type ExportProgress = (rowsWritten: number, totalRows: number) => void

const SHEET_NAMES: Record<ExportEntity, string> = { assets: 'Assets', patches: 'Patches', findings: 'Findings' }
export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf])

/** The number of rows an export of this query has for this user (the list's total): decides direct download or job. */
export async function countExportRows(request: CountRequest): Promise<number> {
  return countSourceRows(request.db, exportSource(request.entity, request.user, request.query, request.version))
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

async function writeCsv(request: ExportRequest, columns: readonly ExportColumn[], sink: Writable, total: number, onProgress?: ExportProgress, signal?: AbortSignal): Promise<ExportResult> {
  const timeZone = exportTimeZone(request.user)
  const statement = exportStatement(exportSource(request.entity, request.user, request.query, request.version, request.sort), columns, 'csv', timeZone)
  const header = Buffer.from(`${columns.map((column) => csvField(headerFor(column, timeZone))).join(',')}\r\n`, 'utf8')
  const head = request.bom ? Buffer.concat([UTF8_BOM, header]) : header
  await writeChunk(sink, head, signal)
  let bytes = head.length
  let rows = 0
  // The engine writes the CSV rows itself; its bytes go to the sink untouched.
  for await (const chunk of request.db.streamQuery({ query: statement.sql, params: statement.params, format: 'CSV', signal })) {
    await writeChunk(sink, chunk.bytes, signal)
    bytes += chunk.bytes.length
    rows += chunk.rows
    onProgress?.(rows, Math.max(total, rows))
  }
  return { rows, bytes, sheets: 1 }
}

async function writeXlsx(request: ExportRequest, columns: readonly ExportColumn[], sink: Writable, total: number, onProgress?: ExportProgress, signal?: AbortSignal): Promise<ExportResult> {
  const timeZone = exportTimeZone(request.user)
  const statement = exportStatement(exportSource(request.entity, request.user, request.query, request.version, request.sort), columns, 'xlsx', timeZone)
  const writer = new XlsxWriter(
    (chunk) => writeChunk(sink, chunk, signal),
    columns.map((column) => ({ header: headerFor(column, timeZone), type: column.type, width: column.width })),
    { sheetName: SHEET_NAMES[request.entity], sheetRowLimit: request.sheetRowLimit },
  )
  let rows = 0
  // A row may end in the next chunk (over HTTP): the bytes after the last line break wait for it.
  let rest: Buffer = Buffer.alloc(0)
  for await (const chunk of request.db.streamQuery({ query: statement.sql, params: statement.params, format: 'JSONCompactEachRow', signal })) {
    const bytes = rest.length > 0 ? Buffer.concat([rest, chunk.bytes]) : Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.length)
    const end = bytes.lastIndexOf(0x0a)
    rest = end === -1 ? bytes : bytes.subarray(end + 1)
    if (end === -1) continue
    // One JSON array per line; line breaks inside values are escaped, so the lines join into one array parsed at once.
    // Values arrive as cells: dates as Excel serials (numbers), booleans and numbers as JSON ones, text as strings.
    const parsed = JSON.parse(`[${bytes.toString('utf8', 0, end).replaceAll('\n', ',')}]`) as XlsxValue[][]
    await writer.addRows(parsed)
    rows += parsed.length
    onProgress?.(rows, Math.max(total, rows))
  }
  if (signal?.aborted) throw new ExportStopped('the export was cancelled')
  const { sheets } = await writer.finish()
  return { rows, bytes: writer.bytesWritten, sheets }
}

/** Checks columns, query and sort (DomainError `invalid` naming what is wrong) without reading a row. */
export function checkExport(request: Omit<ExportRequest, 'db'>): void {
  resolveColumns(request.entity, request.columns ?? null)
  exportSource(request.entity, request.user, request.query, request.version, request.sort)
}

/**
 * Writes the export of a list to `sink` (an HTTP response, a file): the same rows as the list screen for this user —
 * QQL, quick filters, sort and tag scope — in the chosen columns. Streams end to end: the engine is asked for the next
 * chunk only when the sink has taken the last, so memory stays flat for any number of rows. Does not end the sink.
 * Throws DomainError `invalid` for an unknown column, sort or a bad query (before anything is written), and
 * ExportStopped when the sink closes early or `signal` aborts.
 */
export async function runExport(request: ExportRequest, sink: Writable, onProgress?: ExportProgress, signal?: AbortSignal): Promise<ExportResult> {
  checkExport(request) // a bad column, query or sort fails here, before any byte
  const columns = resolveColumns(request.entity, request.columns ?? null)
  const total = onProgress ? await countExportRows(request) : 0
  return request.format === 'csv' ? writeCsv(request, columns, sink, total, onProgress, signal) : writeXlsx(request, columns, sink, total, onProgress, signal)
}
