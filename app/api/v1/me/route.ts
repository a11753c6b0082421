// GET/PATCH /api/v1/me: the caller's own account (name, time zone).
import { apiRoute } from '@/lib/http/api'
import { getAccount, updateAccount, updateAccountBody } from '@/lib/services/account'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'account.manage' }, ({ db, user }) => getAccount(db, user))

export const PATCH = apiRoute({ action: 'account.manage', body: updateAccountBody }, ({ db, user, body }) => updateAccount(db, user, body))
