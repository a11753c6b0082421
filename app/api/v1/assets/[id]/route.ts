// GET /api/v1/assets/{id}: one asset, only when it lies inside the user's tag scope (404 otherwise, never its data).
import { apiRoute } from '@/lib/http/api'
import { requireAssetDetail } from '@/lib/services/details'
import { assetIdParams } from '@/lib/services/lists'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'assets.view', params: assetIdParams }, ({ db, user, params }) => requireAssetDetail(db, user, params.id))
