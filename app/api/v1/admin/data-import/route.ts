// POST /api/v1/admin/data-import?kind=…&fileName=…: the Data import page uploads a file; the signed-in user is recorded.
import { z } from 'zod'
import { INGEST_KINDS } from '@/ingest/pipeline'
import { apiRoute } from '@/lib/http/api'
import { ingestRequest } from '@/lib/services/ingest-http'

export const dynamic = 'force-dynamic'

const uploadQuery = z.object({ kind: z.enum(INGEST_KINDS).default('scans'), fileName: z.string().max(512).default('') })

export const POST = apiRoute({ action: 'data.import', query: uploadQuery }, async ({ db, user, request, query }) =>
  ingestRequest(db, request, query.kind, { source: 'upload', actorId: user.id, actorLabel: user.email, fileName: query.fileName }),
)
