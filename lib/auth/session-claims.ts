// What a session cookie carries (user id, epoch, session id, sign-in time) and the rules that end it: expiry, sign-out, epoch, disabling.
import crypto from 'node:crypto'
import type { Database } from '@/clickhouse/client'
import { isSessionRevoked, revokeSession } from '@/lib/repositories/sessions'
import { findUserById } from '@/lib/repositories/users'
import { toSessionUser, type SessionUser } from './user'

/** A session ends this long after sign-in however active it is (absolute lifetime; the cookie's own expiry slides). */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60

export interface SessionClaims {
  uid?: string
  /** The user's session epoch at sign-in: a password change or forced sign-out advances it, ending every session. */
  epoch?: number
  /** This session's id (jti), recorded as revoked at sign-out. */
  sid?: string
  /** Sign-in time, epoch milliseconds. */
  signedInAt?: number
}

/** The claims of a new session for a user. */
export function newSessionClaims(uid: string, epoch: number, now = Date.now()): Required<SessionClaims> {
  return { uid, epoch, sid: crypto.randomUUID(), signedInAt: now }
}

const sessionEnd = (claims: SessionClaims) => (claims.signedInAt ?? 0) + SESSION_MAX_AGE_SECONDS * 1000

/**
 * The user of a session, or null when the session is past its lifetime, signed out, from an older epoch, or its
 * user is disabled or deleted. Sessions from before session ids existed carry none and are refused (sign in again).
 */
export async function userOfSession(db: Database, claims: SessionClaims | null | undefined, now = Date.now()): Promise<SessionUser | null> {
  if (!claims?.uid || !claims.sid || typeof claims.signedInAt !== 'number' || sessionEnd(claims) <= now) return null
  const user = await findUserById(db, claims.uid)
  if (!user || user.disabled || user.sessionEpoch !== (claims.epoch ?? 0)) return null
  if (await isSessionRevoked(db, claims.sid)) return null
  return toSessionUser(user)
}

/** Sign-out: records the session id as revoked until the session would have ended anyway. */
export async function endSession(db: Database, claims: SessionClaims | null | undefined, now = Date.now()): Promise<void> {
  if (!claims?.uid || !claims.sid || typeof claims.signedInAt !== 'number') return
  await revokeSession(db, { sessionId: claims.sid, userId: claims.uid, revokedAt: new Date(now).toISOString(), expiresAt: new Date(sessionEnd(claims)).toISOString() })
}
