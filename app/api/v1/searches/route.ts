// GET /api/v1/searches: own and shared saved searches plus recent searches; POST saves a search.
import { apiRoute } from '@/lib/http/api'
import { saveSearch, savedSearchInput, searchesFor, searchListQuery } from '@/lib/services/saved-searches'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'assets.view', query: searchListQuery }, ({ db, user, query }) => searchesFor(db, user, query.entity))

export const POST = apiRoute({ action: 'assets.view', body: savedSearchInput }, ({ db, user, body }) => saveSearch(db, user, body))
