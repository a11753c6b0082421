// PATCH /api/v1/searches/:id renames, re-queries or (un)shares a saved search; DELETE removes it (owner only).
import { apiRoute } from '@/lib/http/api'
import { changeSearch, removeSearch, savedSearchChanges, searchIdParams } from '@/lib/services/saved-searches'

export const dynamic = 'force-dynamic'

export const PATCH = apiRoute({ action: 'assets.view', params: searchIdParams, body: savedSearchChanges }, ({ db, user, params, body }) =>
  changeSearch(db, user, params.id, body),
)

export const DELETE = apiRoute({ action: 'assets.view', params: searchIdParams }, ({ db, user, params }) => removeSearch(db, user, params.id))
