// Resolves the signed-in user of a request: the session cookie (re-checked against users and ended sessions), or a bearer API token.
import { getServerSession } from 'next-auth'
import { cache } from 'react'
import { getDatabase } from '@/clickhouse/client'
import { API_TOKEN_PREFIX, resolveApiToken } from './api-tokens'
import { authOptions } from './options'
import { userOfSession, type SessionClaims } from './session-claims'
import type { SessionUser } from './user'

/**
 * The current user, or null when signed out, expired, disabled, deleted, or signed out by force since the cookie was issued.
 * Memoised per server render (React `cache`): the root layout, the app layout and the page ask once between them, which
 * matters on the embedded engine where parameterised queries queue process-wide.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions())) as SessionClaims | null
  return userOfSession(await getDatabase(), session)
})

/** The caller of a request that may be anonymous: a valid `Bearer pbt_…` token's user, else the session's, else null. */
export async function getOptionalRequestUser(request: Request): Promise<SessionUser | null> {
  const [scheme, token] = (request.headers.get('authorization') ?? '').trim().split(/\s+/, 2)
  if (scheme?.toLowerCase() === 'bearer' && token?.startsWith(API_TOKEN_PREFIX)) return resolveApiToken(await getDatabase(), token)
  return getCurrentUser()
}
