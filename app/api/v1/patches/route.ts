// GET /api/v1/patches: the patch catalog with missing/installed counts over the user's in-scope assets.
import { apiRoute } from '@/lib/http/api'
import { fetchPatchPage, patchListQuery } from '@/lib/services/lists'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'assets.view', query: patchListQuery }, ({ db, user, query }) => fetchPatchPage(db, user, query))
