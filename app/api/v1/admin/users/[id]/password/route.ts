// POST /api/v1/admin/users/{id}/password: reset a user's password (given, or generated and shown once); ends their sessions.
import { apiRoute } from '@/lib/http/api'
import { resetPasswordAsAdmin, resetPasswordBody, userIdParams } from '@/lib/services/user-admin'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({ action: 'users.manage', params: userIdParams, body: resetPasswordBody }, ({ db, user, params, body }) =>
  resetPasswordAsAdmin(db, user, params.id, body),
)
