// Export SQL: the SELECT of an export over a list's source (values neutralised, dates zoned) and its row count.
import type { Database } from '@/clickhouse/client'
import type { ListSource } from './paging'

export type ExportFormat = 'csv' | 'xlsx'
/** How a value is written: text (CSV quoted, XLSX string), integer, date (in the user's zone), boolean, list (joined). */
export type ExportValueType = 'text' | 'integer' | 'date' | 'boolean' | 'list'

/** A column as the SELECT needs it: its type and its constant SQL over the list source (never a user value). */
export interface SelectColumn {
  type: ExportValueType
  sql: string
}

/**
 * A text value a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe,
 * which spreadsheets show as text and readers read past (OWASP CSV injection). Done by the engine, so the bytes of a
 * CSV export flow from it untouched.
 */
export function neutralised(text: string): string {
  return `concat(if(match(${text}, '${FORMULA_START}'), '''', ''), ${text})`
}

/** The start of a text a spreadsheet would run as a formula; the same pattern for the engine's re2 and for JS. */
export const FORMULA_START = '^[=+@\\t\\r-]'
const FORMULA = new RegExp(FORMULA_START)

/** `neutralised` for a value written by JS rather than read from the engine (a widget's group keys and labels). */
export function neutralisedText(text: string): string {
  return FORMULA.test(text) ? `'${text}` : text
}

/** The SELECT expression of a column for a format: text neutralised, lists joined, dates in the zone. */
function columnExpression(column: SelectColumn, format: ExportFormat): string {
  switch (column.type) {
    case 'text':
      return neutralised(`ifNull(toString(${column.sql}), '')`)
    case 'list':
      return neutralised(`arrayStringConcat(arrayMap(v -> toString(v), ${column.sql}), ', ')`)
    case 'boolean':
      return `toBool(${column.sql})`
    case 'integer':
      return column.sql
    case 'date':
      // CSV: wall-clock text in the zone; XLSX: an Excel serial of that wall-clock time (a real date cell).
      return format === 'csv'
        ? `ifNull(formatDateTime(toTimeZone(${column.sql}, {exportZone:String}), '%Y-%m-%d %H:%i:%S'), '')`
        : `(toUnixTimestamp64Milli(${column.sql}) + toInt64(timezoneOffset(toTimeZone(${column.sql}, {exportZone:String}))) * 1000) / 86400000 + 25569`
  }
}

export interface ExportStatement {
  sql: string
  params: Record<string, unknown>
}

/**
 * An export sorts every row of the list before the first one goes out: past this many bytes the sort spills to disk
 * instead of holding the whole result in the server's memory, and blocks stay small so each streamed chunk is too.
 */
const EXPORT_SETTINGS = [
  'max_bytes_before_external_sort = 33554432',
  // The ratio setting (of the server's memory) would otherwise decide, and on chdb it lets the sort grow with the result.
  'max_bytes_ratio_before_external_sort = 0',
  // The merge of the spilled parts holds one block of each part: at the default 16 MB per block a 5 M-row export's 33
  // parts held ~530 MB (RSS growth 850 MB); 256 KB blocks keep the merge small (290 MB at 5 M rows, ~160 MB at 1 M).
  'prefer_external_sort_block_bytes = 262144',
  'max_block_size = 16384',
]

/** The SELECT of an export (no FORMAT: the stream names it). CSV rows end in CRLF (RFC 4180). */
export function exportStatement(source: ListSource, columns: readonly SelectColumn[], format: ExportFormat, timeZone: string): ExportStatement {
  const select = columns.map((column) => columnExpression(column, format)).join(',\n       ')
  const settings = [...EXPORT_SETTINGS, ...(format === 'csv' ? ['output_format_csv_crlf_end_of_line = 1'] : [])].join(', ')
  return {
    sql: `SELECT ${select}\nFROM ${source.from}\nWHERE ${source.filter.where}\nORDER BY ${source.orderBy}\nSETTINGS ${settings}`,
    params: columns.some((column) => column.type === 'date') ? { ...source.filter.params, exportZone: timeZone } : source.filter.params,
  }
}

/** How many rows the export of `source` has (what the Export dialog states and a job's progress counts towards). */
export async function countSourceRows(db: Database, source: ListSource): Promise<number> {
  const [row] = await db.query<{ total: number | string }>(`SELECT toUInt64(count()) AS total FROM ${source.from} WHERE ${source.filter.where}`, source.filter.params)
  return Number(row?.total ?? 0)
}
