// GET /api/v1/admin/ingest-history: the latest ingest requests and files with their counts (every site's: Administrators only).
import { apiRoute } from '@/lib/http/api'
import { listIngestHistory } from '@/lib/repositories/ingest-history'
import { ingestHistoryQuery } from '@/lib/services/ingest-admin'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'data.quarantine', query: ingestHistoryQuery }, async ({ db, query }) => ({
  entries: await listIngestHistory(db, query.limit),
}))
