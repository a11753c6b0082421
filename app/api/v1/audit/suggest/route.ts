// GET /api/v1/audit/suggest: what may come at the cursor of an audit-log QQL query, plus known actors, actions and targets.
import { apiRoute } from '@/lib/http/api'
import { auditSuggestQuery } from '@/lib/services/audit-log'
import { suggestSearch } from '@/lib/services/search'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'audit.view', query: auditSuggestQuery }, ({ db, user, query }) =>
  suggestSearch(db, user, 'audit', query.q, query.cursor ?? query.q.length, query.v),
)
