// Credentials check against the embedded engine: scrypt hashes, unknown emails, disabled users, lock-out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { createUser, findUserByEmail, saveUser } from '@/lib/repositories/users'
import { openTestDatabase } from '@/test/database'
import { hashPassword } from './password'
import { checkCredentials, LOCKOUT } from './sign-in'

let db: Database
let close: () => Promise<void>
const password = 'correct horse battery staple'

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  await createUser(db, { email: 'Reader@Example.com', name: 'Reader', role: 'Patch Reader', scope: { all: false, tags: ['Site-Berlin'] }, passwordHash: await hashPassword(password) })
})
afterAll(async () => close())

describe('checkCredentials', () => {
  it('accepts the right password (email case-insensitive) and never stores it in clear', async () => {
    const result = await checkCredentials(db, 'reader@example.com', password)
    expect(result.ok).toBe(true)
    const stored = await findUserByEmail(db, 'reader@example.com')
    expect(stored?.passwordHash.startsWith('scrypt$')).toBe(true)
    expect(stored?.passwordHash).not.toContain(password)
  })

  it('rejects a wrong password and an unknown email with the same message', async () => {
    const wrong = await checkCredentials(db, 'reader@example.com', 'nope')
    const unknown = await checkCredentials(db, 'nobody@example.com', 'nope')
    expect(wrong).toEqual({ ok: false, reason: 'invalid', message: 'Wrong email or password.' })
    expect(unknown).toEqual(wrong)
  })

  it('locks the account after repeated failures, even for the right password, until the lock expires', async () => {
    const now = new Date('2030-01-01T10:00:00Z')
    let last
    for (let i = 0; i < LOCKOUT.maxFailures; i++) last = await checkCredentials(db, 'reader@example.com', 'wrong', now)
    expect(last).toMatchObject({ ok: false, reason: 'locked' })
    expect(await checkCredentials(db, 'reader@example.com', password, now)).toMatchObject({ ok: false, reason: 'locked' })
    const later = new Date(now.getTime() + (LOCKOUT.minutes + 1) * 60_000)
    expect((await checkCredentials(db, 'reader@example.com', password, later)).ok).toBe(true)
  })

  it('refuses a disabled user', async () => {
    const user = await findUserByEmail(db, 'reader@example.com')
    await saveUser(db, user!, { disabled: true })
    expect(await checkCredentials(db, 'reader@example.com', password)).toMatchObject({ ok: false, reason: 'disabled' })
  })
})
