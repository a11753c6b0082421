// GET /api/v1/admin/ingest-history: the latest ingest requests and files with their counts.
import { z } from 'zod'
import { apiRoute } from '@/lib/http/api'
import { listIngestHistory } from '@/lib/repositories/ingest-history'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'data.import', query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(50) }) }, async ({ db, query }) => ({
  entries: await listIngestHistory(db, query.limit),
}))
