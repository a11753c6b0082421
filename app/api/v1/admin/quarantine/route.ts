// GET /api/v1/admin/quarantine: rejected documents (newest first; by run, age or key) with their reasons. DELETE purges them.
// The quarantine spans every site (rejected documents have no trustworthy tags), so both are for Administrators only.
import { apiRoute } from '@/lib/http/api'
import { listQuarantine } from '@/lib/repositories/quarantine'
import { purgeQuarantine, quarantinePurgeQuery, quarantineQuery } from '@/lib/services/ingest-admin'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'data.quarantine', query: quarantineQuery }, async ({ db, query }) => listQuarantine(db, query))

export const DELETE = apiRoute({ action: 'data.quarantine', query: quarantinePurgeQuery }, async ({ db, user, query }) => purgeQuarantine(db, user, query))
