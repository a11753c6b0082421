// Session ends against the embedded engine: sign-out revokes that session only, and sessions expire absolutely; a weak bootstrap password stops the first start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { findUserByEmail, saveUser } from '@/lib/repositories/users'
import { openTestDatabase } from '@/test/database'
import { ensureInitialAdmin } from './bootstrap'
import { endSession, newSessionClaims, SESSION_MAX_AGE_SECONDS, userOfSession } from './session-claims'

let db: Database
let dataDir: string
let close: () => Promise<void>
let userId: string

beforeAll(async () => {
  ;({ db, dataDir, close } = await openTestDatabase())
})
afterAll(async () => close())

describe('weak PATCHBOARD_ADMIN_PASSWORD', () => {
  it('stops the first start with the reason, and creates no Administrator', async () => {
    await expect(ensureInitialAdmin(db, dataDir, { PATCHBOARD_ADMIN_PASSWORD: '123456789012' })).rejects.toThrow(
      /^PATCHBOARD_ADMIN_PASSWORD is refused: This password is too easy to guess\. .*unset it and Patchboard generates one\.$/,
    )
    expect(await findUserByEmail(db, 'admin@patchboard.local')).toBeNull()
    expect(await ensureInitialAdmin(db, dataDir, { PATCHBOARD_ADMIN_PASSWORD: 'e2e-admin-password-1234' })).toEqual({ email: 'admin@patchboard.local' })
    userId = (await findUserByEmail(db, 'admin@patchboard.local'))!.id
  })
})

describe('sessions', () => {
  it('end at sign-out: a copy of the signed-out cookie is refused, another session of the same user is not', async () => {
    const signedOut = newSessionClaims(userId, 0)
    const other = newSessionClaims(userId, 0)
    expect((await userOfSession(db, signedOut))?.id).toBe(userId)
    await endSession(db, signedOut)
    expect(await userOfSession(db, signedOut)).toBeNull()
    expect((await userOfSession(db, other))?.id).toBe(userId)
  })

  it('end a fixed time after sign-in however often they are refreshed, and with a new epoch, a disabled user or no session id', async () => {
    const now = Date.now()
    const claims = newSessionClaims(userId, 0, now)
    expect(await userOfSession(db, claims, now + SESSION_MAX_AGE_SECONDS * 1000 - 1)).not.toBeNull()
    expect(await userOfSession(db, claims, now + SESSION_MAX_AGE_SECONDS * 1000)).toBeNull()
    expect(await userOfSession(db, { uid: userId, epoch: 0 })).toBeNull()
    expect(await userOfSession(db, { ...claims, epoch: 1 })).toBeNull()
    const user = await findUserByEmail(db, 'admin@patchboard.local')
    await saveUser(db, user!, { disabled: true })
    expect(await userOfSession(db, claims)).toBeNull()
  })

  it('keep a revocation only until the session would have ended anyway', async () => {
    const claims = newSessionClaims(userId, 0)
    await endSession(db, claims)
    const [row] = await db.query<{ expires_at: string }>('SELECT expires_at FROM revoked_sessions WHERE session_id = {id:String}', { id: claims.sid })
    expect(Date.parse(row.expires_at)).toBe(claims.signedInAt + SESSION_MAX_AGE_SECONDS * 1000)
  })
})
