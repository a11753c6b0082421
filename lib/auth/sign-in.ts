// Password sign-in: throttled per source and per account, the same answer for unknown emails and wrong passwords, never a lock-out.
import type { Database } from '@/clickhouse/client'
import { findUserByEmail, type UserRecord } from '@/lib/repositories/users'
import { verifyPassword } from './password'
import type { SignInThrottle } from './rate-limit'

export type SignInResult =
  | { ok: true; user: UserRecord }
  | { ok: false; reason: 'invalid' | 'disabled' | 'throttled'; message: string }

export const WRONG_CREDENTIALS_MESSAGE = 'Wrong email or password.'
const INVALID = { ok: false, reason: 'invalid', message: WRONG_CREDENTIALS_MESSAGE } as const

/** A password check runs even for unknown emails, so response time does not reveal which emails exist. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$' + 'A'.repeat(86) + '=='

/**
 * Checks an email and password. A disabled account is named only to someone who knows its password; anyone else
 * gets the answer an unknown email gets.
 */
export async function checkCredentials(db: Database, email: string, password: string): Promise<SignInResult> {
  const user = await findUserByEmail(db, email)
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH)
  if (!user || !passwordOk) return INVALID
  if (user.disabled) return { ok: false, reason: 'disabled', message: 'This account is disabled. Ask an administrator.' }
  return { ok: true, user }
}

/** A sign-in attempt from `source` (the client address): throttled first, then checked, then counted. */
export async function signInWithPassword(db: Database, throttle: SignInThrottle, source: string, email: string, password: string, now = Date.now()): Promise<SignInResult> {
  const decision = throttle.attempt(source, email, now)
  if (!decision.allowed) return { ok: false, reason: 'throttled', message: decision.message }
  const result = await checkCredentials(db, email, password)
  if (result.ok) throttle.recordSuccess(email)
  else if (result.reason === 'invalid') throttle.recordFailure(source, email, now)
  return result
}
