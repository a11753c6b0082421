// DELETE /api/v1/admin/tokens/{id}: revoke anyone's API token.
import { apiRoute } from '@/lib/http/api'
import { revokeToken, tokenIdParams } from '@/lib/services/api-tokens'

export const dynamic = 'force-dynamic'

export const DELETE = apiRoute({ action: 'users.manage', params: tokenIdParams }, ({ db, user, params }) => revokeToken(db, user, params.id))
