// DELETE /api/v1/me/tokens/{id}: revoke one of the caller's own API tokens (others' tokens answer 404).
import { apiRoute } from '@/lib/http/api'
import { revokeToken, tokenIdParams } from '@/lib/services/api-tokens'

export const dynamic = 'force-dynamic'

export const DELETE = apiRoute({ action: 'account.manage', params: tokenIdParams }, ({ db, user, params }) => revokeToken(db, user, params.id, user.id))
