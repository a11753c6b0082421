// The download response of a service-backed export (jobs, job progress): streamed, named, audited once written.
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { auditExport } from '@/lib/services/exports-audit'
import type { PreparedTableExport } from './job-exports'
import type { ExportFormat } from './query'
import { streamedDownloadResponse } from './response'

export interface TableDownload {
  db: Database
  user: SessionUser
  /** `jobs` or `jobProgress` (the file name and the audit entry say which). */
  entity: string
  format: ExportFormat
  /** What the audit entry records as the query (the list's QQL, or the run and filters of the progress page). */
  query: string
  version: number
  prepared: PreparedTableExport
  signal: AbortSignal
}

export function tableDownloadResponse({ db, user, entity, format, query, version, prepared, signal }: TableDownload): Response {
  return streamedDownloadResponse({
    format,
    fileName: `patchboard-${entity}-${new Date().toISOString().slice(0, 10)}.${format}`,
    write: (sink, stop) => prepared.write(sink, stop),
    onDone: (result) => auditExport(db, user, { entity, format, query, version, columns: prepared.columns, rows: result.rows, bytes: result.bytes }),
    signal,
  })
}
