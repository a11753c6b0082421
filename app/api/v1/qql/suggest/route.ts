// GET /api/v1/qql/suggest: what may come at the cursor (tokens, operators, values) plus known values in the user's scope.
import { apiRoute } from '@/lib/http/api'
import { qqlSuggestQuery, suggestSearch } from '@/lib/services/search'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'assets.view', query: qqlSuggestQuery }, ({ db, user, query }) =>
  suggestSearch(db, user, query.entity, query.q, query.cursor ?? query.q.length, query.v),
)
