// The download response of a service-backed export (jobs, job progress): streamed, named, audited once written.
import { PassThrough, Readable } from 'node:stream'
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { auditExport } from '@/lib/services/exports-audit'
import { CONTENT_TYPES } from './download'
import type { PreparedTableExport } from './job-exports'
import type { ExportFormat } from './query'

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
  const body = new PassThrough()
  const stop = new AbortController()
  signal.addEventListener('abort', () => stop.abort(), { once: true })
  prepared
    .write(body, stop.signal)
    .then(async (result) => {
      body.end()
      await auditExport(db, user, { entity, format, query, version, columns: prepared.columns, rows: result.rows, bytes: result.bytes })
    })
    .catch((error: unknown) => body.destroy(error instanceof Error ? error : new Error(String(error))))
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="patchboard-${entity}-${new Date().toISOString().slice(0, 10)}.${format}"`,
      'cache-control': 'no-store',
    },
  })
}
