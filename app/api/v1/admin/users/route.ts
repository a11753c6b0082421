// GET/POST /api/v1/admin/users: list users; create one (role, tag scope, password or a generated one shown once).
import { apiRoute } from '@/lib/http/api'
import { createUserAsAdmin, createUserBody, listUserViews } from '@/lib/services/user-admin'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'users.manage' }, async ({ db }) => ({ users: await listUserViews(db) }))

export const POST = apiRoute({ action: 'users.manage', body: createUserBody }, ({ db, user, body }) => createUserAsAdmin(db, user, body))
