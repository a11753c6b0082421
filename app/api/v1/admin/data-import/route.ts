// POST /api/v1/admin/data-import?kind=…&fileName=…: the Data import page uploads a file; the signed-in user is recorded.
import { apiRoute } from '@/lib/http/api'
import { uploadQuery } from '@/lib/services/ingest-admin'
import { ingestRequest } from '@/lib/services/ingest-http'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({ action: 'data.import', query: uploadQuery }, async ({ db, user, request, query }) =>
  ingestRequest(db, request, query.kind, { source: 'upload', actorId: user.id, actorLabel: user.email, fileName: query.fileName }),
)
