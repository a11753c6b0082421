// GET /api/v1/admin/tokens: every user's API tokens (never their secrets or hashes).
import { apiRoute } from '@/lib/http/api'
import { listTokens } from '@/lib/services/api-tokens'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'users.manage' }, ({ db }) => listTokens(db))
