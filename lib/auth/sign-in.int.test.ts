// Password sign-in against the embedded engine: scrypt hashes, no lock-out, identical answers for unknown emails, disabled users.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { createUser, findUserByEmail, saveUser } from '@/lib/repositories/users'
import { openTestDatabase } from '@/test/database'
import { hashPassword } from './password'
import { SignInThrottle } from './rate-limit'
import { checkCredentials, signInWithPassword } from './sign-in'

let db: Database
let close: () => Promise<void>
const password = 'correct horse battery staple'
const START = Date.parse('2030-01-01T10:00:00Z')

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  await createUser(db, { email: 'Reader@Example.com', name: 'Reader', role: 'Patch Reader', scope: { all: false, tags: ['Site-Berlin'] }, passwordHash: await hashPassword(password) })
  await createUser(db, { email: 'admin@example.com', name: 'Admin', role: 'Administrator', scope: { all: true, tags: [] }, passwordHash: await hashPassword(password) })
})
afterAll(async () => close())

/** Tries wrong passwords from one source as fast as the throttle lets it, and returns every answer and the time after. */
async function guess(throttle: SignInThrottle, source: string, email: string, count: number) {
  const answers = []
  let now = START
  for (let i = 0; i < count; i++) {
    const answer = await signInWithPassword(db, throttle, source, email, `wrong guess ${i}`, now)
    answers.push(answer)
    now += answer.ok === false && answer.reason === 'throttled' ? 61_000 : 1
  }
  return { answers, now }
}

describe('password sign-in', () => {
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

  it("does not lock the Administrator out: after many wrong passwords from one address, the right one works from another at once", async () => {
    const throttle = new SignInThrottle()
    const { answers, now } = await guess(throttle, '203.0.113.66', 'admin@example.com', 12)
    expect(answers.some((answer) => !answer.ok && answer.reason === 'throttled')).toBe(true)
    expect(answers.every((answer) => !answer.ok && !/lock/i.test(answer.message))).toBe(true)
    const owner = await signInWithPassword(db, throttle, '192.0.2.10', 'admin@example.com', password, now)
    expect(owner.ok).toBe(true)
  })

  it('answers guesses at an unknown email exactly as guesses at a real one, throttling included', async () => {
    const real = await guess(new SignInThrottle(), '203.0.113.66', 'admin@example.com', 8)
    const unknown = await guess(new SignInThrottle(), '203.0.113.66', 'no-such-admin@example.com', 8)
    expect(unknown.answers).toEqual(real.answers)
  })

  it('names a disabled account only to someone who knows its password', async () => {
    const user = await findUserByEmail(db, 'reader@example.com')
    await saveUser(db, user!, { disabled: true })
    expect(await checkCredentials(db, 'reader@example.com', 'wrong password')).toMatchObject({ ok: false, reason: 'invalid' })
    expect(await checkCredentials(db, 'reader@example.com', password)).toMatchObject({ ok: false, reason: 'disabled' })
  })
})
