// GET /api/v1/assets: the user's in-scope assets, paged and sorted on the server.
import { apiRoute } from '@/lib/http/api'
import { assetListQuery, fetchAssetPage } from '@/lib/services/lists'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'assets.view', query: assetListQuery }, ({ db, user, query }) => fetchAssetPage(db, user, query))
