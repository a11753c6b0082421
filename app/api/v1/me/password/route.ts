// POST /api/v1/me/password: change the caller's own password (checks the current one; ends every session).
import { apiRoute } from '@/lib/http/api'
import { changeOwnPassword, changePasswordBody } from '@/lib/services/account'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({ action: 'account.manage', body: changePasswordBody }, ({ db, user, body }) => changeOwnPassword(db, user, body))
