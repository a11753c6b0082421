// Checks credentials against the users table, with lock-out after repeated failures.
import type { Database } from '@/clickhouse/client'
import { findUserByEmail, saveUser, type UserRecord } from '@/lib/repositories/users'
import { verifyPassword } from './password'

export const LOCKOUT = { maxFailures: 5, minutes: 15 } as const

export type SignInResult =
  | { ok: true; user: UserRecord }
  | { ok: false; reason: 'invalid' | 'disabled' | 'locked'; message: string }

const INVALID = { ok: false, reason: 'invalid', message: 'Wrong email or password.' } as const

/** A password check runs even for unknown emails, so response time does not reveal which emails exist. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$' + 'A'.repeat(86) + '=='

export async function checkCredentials(db: Database, email: string, password: string, now = new Date()): Promise<SignInResult> {
  const user = await findUserByEmail(db, email)
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH)
  if (!user) return INVALID
  if (user.disabled) return { ok: false, reason: 'disabled', message: 'This account is disabled. Ask an administrator.' }
  if (user.lockedUntil && Date.parse(user.lockedUntil) > now.getTime()) {
    return { ok: false, reason: 'locked', message: `Too many failed sign-ins. Try again after ${new Date(user.lockedUntil).toISOString().slice(11, 16)} UTC.` }
  }
  if (!passwordOk) {
    const failures = user.failedLogins + 1
    const locked = failures >= LOCKOUT.maxFailures
    await saveUser(db, user, {
      failedLogins: locked ? 0 : failures,
      lockedUntil: locked ? new Date(now.getTime() + LOCKOUT.minutes * 60_000).toISOString() : user.lockedUntil,
    })
    if (locked) return { ok: false, reason: 'locked', message: `Too many failed sign-ins: the account is locked for ${LOCKOUT.minutes} minutes.` }
    return INVALID
  }
  const signedIn = user.failedLogins > 0 || user.lockedUntil ? await saveUser(db, user, { failedLogins: 0, lockedUntil: null }) : user
  return { ok: true, user: signedIn }
}
