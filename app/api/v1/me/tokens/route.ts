// GET/POST /api/v1/me/tokens: the caller's personal API tokens; a created token is returned once.
import { apiRoute } from '@/lib/http/api'
import { createOwnToken, createTokenBody, listTokens } from '@/lib/services/api-tokens'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'account.manage' }, ({ db, user }) => listTokens(db, user.id))

export const POST = apiRoute({ action: 'account.manage', body: createTokenBody }, ({ db, user, body }) => createOwnToken(db, user, body))
