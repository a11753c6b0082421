// GET/PATCH/DELETE /api/v1/admin/users/{id}: one user; change name, role, scope, time zone or disabled; delete.
import { apiRoute } from '@/lib/http/api'
import { deleteUserAsAdmin, getUserView, updateUserAsAdmin, updateUserBody, userIdParams } from '@/lib/services/user-admin'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'users.manage', params: userIdParams }, ({ db, params }) => getUserView(db, params.id))

export const PATCH = apiRoute({ action: 'users.manage', params: userIdParams, body: updateUserBody }, ({ db, user, params, body }) =>
  updateUserAsAdmin(db, user, params.id, body),
)

export const DELETE = apiRoute({ action: 'users.manage', params: userIdParams }, ({ db, user, params }) => deleteUserAsAdmin(db, user, params.id))
