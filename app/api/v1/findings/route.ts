// GET /api/v1/findings: current asset × patch rows matching a QQL query, in the user's scope, paged and sorted.
import { apiRoute } from '@/lib/http/api'
import { fetchFindingPage, findingListQuery } from '@/lib/services/lists'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'assets.view', query: findingListQuery }, ({ db, user, query }) => fetchFindingPage(db, user, query))
