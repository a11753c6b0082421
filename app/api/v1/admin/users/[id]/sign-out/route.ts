// POST /api/v1/admin/users/{id}/sign-out: force sign-out — every session of the user ends at once.
import { apiRoute } from '@/lib/http/api'
import { forceSignOutAsAdmin, userIdParams } from '@/lib/services/user-admin'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({ action: 'users.manage', params: userIdParams }, ({ db, user, params }) => forceSignOutAsAdmin(db, user, params.id))
