// The subscription's tier rules: a fresh install's trial, expiry falling back to Free, what each tier allows, audited changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { toSessionUser, type SessionUser } from '@/lib/auth/user'
import { DomainError } from '@/lib/errors'
import { createUser } from '@/lib/repositories/users'
import { updateSubscriptionBody } from '@/lib/schemas/subscription'
import { openTestDatabase } from '@/test/database'
import { assertJobsAllowed, getSubscription, minimumScanIntervalHours, updateSubscription } from './subscription'

let db: Database
let close: () => Promise<void>
let admin: SessionUser

const START = new Date('2026-12-01T08:00:00Z')
const body = (value: unknown) => updateSubscriptionBody.parse(value)

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  admin = toSessionUser(await createUser(db, { email: 'admin@example.test', name: 'Ada', role: 'Administrator', scope: { all: true, tags: [] }, passwordHash: '' }))
})
afterAll(async () => close())

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (caught: unknown) => caught)
  expect(error).toBeInstanceOf(DomainError)
  return error as DomainError
}

describe('the subscription', () => {
  it('starts a fresh install on a 30-day trial from the first start, written once even when read twice at once', async () => {
    const [first, second] = await Promise.all([getSubscription(db, START), getSubscription(db, START)])
    expect(first).toMatchObject({ tier: 'trial', effectiveTier: 'trial', expiresAt: '2026-12-31T08:00:00.000Z', expired: false, minScanIntervalHours: 4, jobsAllowed: true, updatedAt: null })
    expect(second).toEqual(first)
    // A later read (after a restart) keeps the first start's expiry.
    expect((await getSubscription(db, new Date('2026-12-20T00:00:00Z'))).expiresAt).toBe('2026-12-31T08:00:00.000Z')
    const [{ starts }] = await db.query<{ starts: number }>("SELECT toUInt32(count()) AS starts FROM audit_log WHERE action = 'subscription.start'")
    expect(Number(starts)).toBe(1)
  })

  it('falls back to Free when the trial expires: 24 h minimum, jobs refused naming the tier', async () => {
    const after = new Date('2026-12-31T08:00:00Z')
    expect(await getSubscription(db, after)).toMatchObject({ tier: 'trial', effectiveTier: 'free', expired: true, minScanIntervalHours: 24, jobsAllowed: false })
    expect(await minimumScanIntervalHours(db, after)).toBe(24)
    const error = await refusal(assertJobsAllowed(db, after))
    expect(error).toMatchObject({ kind: 'conflict', code: 'SUBSCRIPTION_NO_JOBS' })
    expect(error.message).toContain('The trial expired on 2026-12-31')
    await expect(assertJobsAllowed(db, new Date('2026-12-31T07:59:59Z'))).resolves.toBeUndefined()
  })

  it('lets an Administrator set any tier and expiry, audited with before and after', async () => {
    const paid = await updateSubscription(db, admin, body({ tier: 'paid', expiresAt: '2027-06-30' }), START)
    expect(paid).toMatchObject({ tier: 'paid', effectiveTier: 'paid', expiresAt: '2027-06-30T23:59:59.999Z', minScanIntervalHours: 4, jobsAllowed: true, updatedBy: 'admin@example.test' })
    const [entry] = await db.query<{ actor_email: string; before: string; after: string }>("SELECT actor_email, before, after FROM audit_log WHERE action = 'subscription.update' ORDER BY at DESC LIMIT 1")
    expect(entry.actor_email).toBe('admin@example.test')
    expect(JSON.parse(entry.before)).toEqual({ tier: 'trial', expiresAt: '2026-12-31T08:00:00.000Z' })
    expect(JSON.parse(entry.after)).toEqual({ tier: 'paid', expiresAt: '2027-06-30T23:59:59.999Z' })

    const free = await updateSubscription(db, admin, body({ tier: 'free', expiresAt: null }), START)
    expect(free).toMatchObject({ tier: 'free', effectiveTier: 'free', expiresAt: null, expired: false, minScanIntervalHours: 24, jobsAllowed: false })
    expect((await refusal(assertJobsAllowed(db, START))).message).toContain('The subscription is Free')
  })

  it('refuses an expiry on Free, a missing or malformed expiry on trial and paid, naming the field', () => {
    const issues = (value: unknown) => updateSubscriptionBody.safeParse(value).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    expect(issues({ tier: 'free', expiresAt: '2027-01-01' })).toEqual(['expiresAt: A Free subscription has no expiry date; leave it empty.'])
    expect(issues({ tier: 'paid' })).toEqual(['expiresAt: A Paid subscription needs an expiry date.'])
    expect(issues({ tier: 'trial', expiresAt: '2027-02-30' })?.[0]).toMatch(/^expiresAt: Enter the expiry as a date/)
    expect(issues({ tier: 'gold', expiresAt: null })?.[0]).toMatch(/^tier:/)
    expect(body({ tier: 'trial', expiresAt: '2027-01-01T10:00:00+02:00' }).expiresAt).toBe('2027-01-01T08:00:00.000Z')
  })
})
