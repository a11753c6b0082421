// Ended sessions (sign-out): one row per revoked session id, kept until the session would have expired anyway.
import type { Database } from '@/clickhouse/client'

export interface RevokedSession {
  sessionId: string
  userId: string
  revokedAt: string
  /** When the session would have ended by itself; the row is dropped after it (TTL). */
  expiresAt: string
}

export async function revokeSession(db: Database, session: RevokedSession): Promise<void> {
  await db.insert('revoked_sessions', [
    { session_id: session.sessionId, user_id: session.userId, revoked_at: session.revokedAt, expires_at: session.expiresAt },
  ])
}

export async function isSessionRevoked(db: Database, sessionId: string): Promise<boolean> {
  const [row] = await db.query<{ c: number }>('SELECT toUInt32(count()) AS c FROM revoked_sessions WHERE session_id = {id:String}', { id: sessionId })
  return Number(row?.c ?? 0) > 0
}
