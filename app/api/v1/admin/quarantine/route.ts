// GET /api/v1/admin/quarantine: rejected documents (newest first, optionally of one ingest run) with their reasons.
import { apiRoute } from '@/lib/http/api'
import { listQuarantine } from '@/lib/repositories/quarantine'
import { quarantineQuery } from '@/lib/services/ingest-admin'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'data.import', query: quarantineQuery }, async ({ db, query }) => listQuarantine(db, query))
