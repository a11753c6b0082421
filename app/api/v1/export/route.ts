// GET /api/v1/export: a list's rows (same query, sort and scope as the screen) streamed as a CSV or XLSX download.
import { PassThrough, Readable } from 'node:stream'
import { resolveColumns } from '@/lib/export/columns'
import { CONTENT_TYPES, exportDownloadQuery, exportFileName, prepareDownload } from '@/lib/export/download'
import { runExport } from '@/lib/export/run'
import { apiRoute } from '@/lib/http/api'
import { auditExport } from '@/lib/services/exports-audit'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'data.export', query: exportDownloadQuery }, async ({ db, user, query, request }) => {
  // Everything that can be refused is checked before the headers go out; after that a failure can only cut the file short.
  const { request: exportRequest } = await prepareDownload(db, user, query)
  const columns = resolveColumns(query.entity, exportRequest.columns ?? null).map((column) => column.id)
  const body = new PassThrough()
  const stop = new AbortController()
  request.signal.addEventListener('abort', () => stop.abort(), { once: true })
  runExport(exportRequest, body, undefined, stop.signal)
    .then(async (result) => {
      body.end()
      await auditExport(db, user, { entity: query.entity, format: query.format, query: query.q, version: query.v, columns, rows: result.rows, bytes: result.bytes })
    })
    .catch((error: unknown) => body.destroy(error instanceof Error ? error : new Error(String(error))))
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      'content-type': CONTENT_TYPES[query.format],
      'content-disposition': `attachment; filename="${exportFileName(query.entity, query.format)}"`,
      'cache-control': 'no-store',
    },
  })
})
