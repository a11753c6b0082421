// GET /api/v1/exports/:id/download streams the finished file of your export job (owner only; 409 before it is done or after it expired).
import { Readable } from 'node:stream'
import { apiRoute } from '@/lib/http/api'
import { exportIdParams, openExportDownload } from '@/lib/services/exports'

export const dynamic = 'force-dynamic'

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }

export const GET = apiRoute({ action: 'data.export', params: exportIdParams }, async ({ db, user, params }) => {
  const file = await openExportDownload(db, user, params.id)
  return new Response(Readable.toWeb(file.stream) as ReadableStream, {
    headers: {
      'content-type': CONTENT_TYPES[file.format],
      'content-length': String(file.bytes),
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'cache-control': 'private, no-store',
    },
  })
})
