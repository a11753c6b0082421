// The direct download (GET /api/v1/export): its query string, its checks before the first byte, its file name and type.
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { invalid } from '@/lib/errors'
import { tokenVersionParam } from '@/lib/services/search'
import { EXPORT_ENTITIES, type ExportEntity } from './columns'
import { readExportLimits } from './jobs-config'
import type { ExportFormat } from './query'
import { checkExport, countExportRows, type ExportRequest } from './run'

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1')

export const exportDownloadQuery = z.object({
  entity: z.enum(EXPORT_ENTITIES, { error: `entity must be one of ${EXPORT_ENTITIES.join(', ')}` }),
  format: z.enum(['csv', 'xlsx'], { error: 'format must be csv or xlsx' }),
  q: z.string().max(10_000).default(''),
  v: tokenVersionParam,
  /** Column ids, comma-separated, in order (the registry's; absent: the defaults). */
  columns: z.string().max(5_000).optional(),
  /** A sort key of the entity's list, and its direction (absent: the list's default order). */
  sort: z.string().max(64).optional(),
  dir: z.enum(['asc', 'desc']).default('asc'),
  /** CSV: start with a UTF-8 byte-order mark (for Excel). */
  bom: flag.default(false),
})
export type ExportDownloadQuery = z.infer<typeof exportDownloadQuery>

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** `patchboard-findings-2026-12-01.xlsx` (the date of the export, UTC). */
export function exportFileName(entity: ExportEntity, format: ExportFormat, now = new Date()): string {
  return `patchboard-${entity}-${now.toISOString().slice(0, 10)}.${format}`
}

function columnList(text: string | undefined): string[] | null {
  if (text === undefined || text.trim() === '') return null
  return text.split(',').map((id) => id.trim()).filter((id) => id !== '')
}

/**
 * The export the query string asks for, checked before anything is sent: columns, sort and query (400 on any of
 * them), and the row limit (PATCHBOARD_EXPORT_MAX_ROWS, stated when hit). Returns the request and its row count.
 */
export async function prepareDownload(db: Database, user: SessionUser, input: ExportDownloadQuery): Promise<{ request: ExportRequest; rows: number }> {
  const request: ExportRequest = {
    db,
    user,
    entity: input.entity,
    format: input.format,
    query: input.q,
    version: input.v,
    columns: columnList(input.columns),
    sort: input.sort === undefined ? null : { key: input.sort, dir: input.dir },
    bom: input.bom,
  }
  checkExport(request)
  const rows = await countExportRows(request)
  const { maxRows } = readExportLimits()
  if (rows > maxRows) {
    throw invalid('EXPORT_TOO_LARGE', `This export has ${rows.toLocaleString('en')} rows; at most ${maxRows.toLocaleString('en')} can be exported (PATCHBOARD_EXPORT_MAX_ROWS). Narrow the query.`, { rows, maxRows })
  }
  return { request, rows }
}
