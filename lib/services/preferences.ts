// The signed-in user's display preferences (colour theme): read for every page's <html>, changed on the Account page.
import { getServerSession } from 'next-auth'
import { cache } from 'react'
import { getDatabase, type Database } from '@/clickhouse/client'
import { authOptions } from '@/lib/auth/options'
import type { SessionUser } from '@/lib/auth/user'
import { notFound } from '@/lib/errors'
import { appendAudit } from '@/lib/repositories/audit'
import { findUserById, saveUser } from '@/lib/repositories/users'
import type { Preferences, Theme } from '@/lib/schemas/preferences'

export async function getPreferences(db: Database, user: SessionUser): Promise<Preferences> {
  const record = await findUserById(db, user.id)
  if (!record) throw notFound('Your account no longer exists.')
  return { theme: record.theme }
}

export async function updatePreferences(db: Database, user: SessionUser, input: Preferences): Promise<Preferences> {
  const record = await findUserById(db, user.id)
  if (!record) throw notFound('Your account no longer exists.')
  if (record.theme === input.theme) return { theme: record.theme }
  const saved = await saveUser(db, record, { theme: input.theme })
  await appendAudit(db, { actor: user, action: 'account.preferences', entity: 'user', entityId: user.id, before: { theme: record.theme }, after: { theme: saved.theme } })
  return { theme: saved.theme }
}

/**
 * The theme for this request's <html>, so the first paint already has the right colours (no flash).
 * Only the session cookie's user id is read: a stale cookie at worst colours the sign-in page; it grants nothing.
 * Cached per request (React `cache`), so the root layout and any page asking again share one query.
 */
export const themeOfRequest = cache(async (): Promise<Theme> => {
  const session = (await getServerSession(authOptions())) as { uid?: string } | null
  if (!session?.uid) return 'system'
  const record = await findUserById(await getDatabase(), session.uid)
  return record?.theme ?? 'system'
})
