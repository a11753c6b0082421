// GET /api/v1/export: a list's rows (same query, sort and scope as the screen) streamed as a CSV or XLSX download.
import { resolveColumns } from '@/lib/export/columns'
import { exportDownloadQuery, exportFileName, prepareDownload } from '@/lib/export/download'
import { streamedDownloadResponse } from '@/lib/export/response'
import { runExport } from '@/lib/export/run'
import { apiRoute } from '@/lib/http/api'
import { auditExport } from '@/lib/services/exports-audit'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'data.export', query: exportDownloadQuery }, async ({ db, user, query, request }) => {
  // Everything that can be refused is checked before the headers go out; after that a failure can only cut the file short.
  const { request: exportRequest } = await prepareDownload(db, user, query)
  const columns = resolveColumns(query.entity, exportRequest.columns ?? null).map((column) => column.id)
  return streamedDownloadResponse({
    format: query.format,
    fileName: exportFileName(query.entity, query.format),
    write: (sink, stop) => runExport(exportRequest, sink, undefined, stop),
    onDone: (result) => auditExport(db, user, { entity: query.entity, format: query.format, query: query.q, version: query.v, columns, rows: result.rows, bytes: result.bytes }),
    signal: request.signal,
  })
})
