// Resolves the signed-in user of a request from the session cookie, re-checked against the users table.
import { getServerSession } from 'next-auth'
import { getDatabase } from '@/clickhouse/client'
import { findUserById } from '@/lib/repositories/users'
import { authOptions } from './options'
import { toSessionUser, type SessionUser } from './user'

/** The current user, or null when signed out, disabled, deleted, or signed out by force since the cookie was issued. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const session = (await getServerSession(authOptions())) as { uid?: string; epoch?: number } | null
  if (!session?.uid) return null
  const user = await findUserById(await getDatabase(), session.uid)
  if (!user || user.disabled || user.sessionEpoch !== (session.epoch ?? 0)) return null
  return toSessionUser(user)
}
