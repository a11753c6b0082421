// The Free fallback happens exactly once per lapsed period — also when two checks race, and across a restart — on start and on the timer; renewal undoes nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { toSessionUser, type SessionUser } from '@/lib/auth/user'
import { createUser } from '@/lib/repositories/users'
import { updateSubscriptionBody } from '@/lib/schemas/subscription'
import { openTestDatabase } from '@/test/database'
import { updateSubscription } from './subscription'
import { applySubscriptionFallback, STALE_CLAIM_MS, type FallbackEffects } from './subscription-fallback'
import { startSubscriptionChecks, stopSubscriptionChecks } from './subscription-runtime'

let db: Database
let close: () => Promise<void>
let admin: SessionUser

/** Effects that record each call (the real ones are tested with profiles and jobs in subscription-effects.int.test.ts). */
function recordingEffects() {
  const calls: string[] = []
  const effects: FallbackEffects = {
    applyFreeTierToProfiles: async (_db, reason) => {
      calls.push(`profiles: ${reason}`)
      return 1
    },
    disableEnabledJobs: async (_db, reason) => {
      calls.push(`jobs: ${reason}`)
      return 2
    },
  }
  return { calls, effects }
}

const setSubscription = (tier: 'free' | 'trial' | 'paid', expiresAt: string | null, now: Date) =>
  updateSubscription(db, admin, updateSubscriptionBody.parse({ tier, expiresAt }), now)

async function fallbackAudits(): Promise<{ actor_email: string; after: string }[]> {
  return db.query("SELECT actor_email, after FROM audit_log WHERE action = 'subscription.fallback' ORDER BY at")
}

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  admin = toSessionUser(await createUser(db, { email: 'admin@example.test', name: 'Ada', role: 'Administrator', scope: { all: true, tags: [] }, passwordHash: '' }))
})
afterEach(() => {
  stopSubscriptionChecks()
  vi.useRealTimers()
})
afterAll(async () => close())

describe('the Free fallback', () => {
  it('does nothing while the trial or paid subscription runs', async () => {
    const { calls, effects } = recordingEffects()
    await setSubscription('paid', '2026-12-10', new Date('2026-12-01T00:00:00Z'))
    expect(await applySubscriptionFallback(db, effects, new Date('2026-12-10T23:59:59Z'))).toBeNull()
    expect(calls).toEqual([])
  })

  it('applies once when the subscription lapses, even with two checks at once and a later third', async () => {
    const { calls, effects } = recordingEffects()
    const lapsed = new Date('2026-12-11T00:00:01Z')
    const results = await Promise.all([applySubscriptionFallback(db, effects, lapsed), applySubscriptionFallback(db, effects, lapsed)])
    expect(results.filter((result) => result !== null)).toEqual([
      { periodId: expect.any(String), reason: 'The subscription fell back to Free on 2026-12-11 (the paid subscription ended on 2026-12-10)', profilesChanged: 1, jobsDisabled: 2 },
    ])
    expect(await applySubscriptionFallback(db, effects, new Date('2026-12-12T00:00:00Z'))).toBeNull()
    expect(calls).toEqual(['profiles: The subscription fell back to Free on 2026-12-11 (the paid subscription ended on 2026-12-10)', 'jobs: The subscription fell back to Free on 2026-12-11 (the paid subscription ended on 2026-12-10)'])
    const audits = await fallbackAudits()
    expect(audits).toHaveLength(1)
    expect(audits[0].actor_email).toBe('system')
    expect(JSON.parse(audits[0].after)).toMatchObject({ effectiveTier: 'free', profilesChanged: 1, jobsDisabled: 2 })
  })

  it('a renewal changes nothing back; the next lapse is a new period and applies again', async () => {
    const { calls, effects } = recordingEffects()
    await setSubscription('trial', '2026-12-20', new Date('2026-12-12T00:00:00Z'))
    expect(await applySubscriptionFallback(db, effects, new Date('2026-12-13T00:00:00Z'))).toBeNull()
    expect(calls).toEqual([])
    expect((await applySubscriptionFallback(db, effects, new Date('2026-12-21T00:00:00Z')))?.reason).toBe('The subscription fell back to Free on 2026-12-21 (the trial ended on 2026-12-20)')
    expect(calls).toHaveLength(2)
  })

  it('checks on start: a server that was down when the subscription lapsed applies it as it starts, once across restarts', async () => {
    const { calls, effects } = recordingEffects()
    await setSubscription('paid', '2026-12-22', new Date('2026-12-21T00:00:00Z'))
    const clock = () => new Date('2026-12-23T00:00:00Z')
    expect(await startSubscriptionChecks(db, { effects, clock })).toEqual([
      'patchboard: The subscription fell back to Free on 2026-12-23 (the paid subscription ended on 2026-12-22): 1 profile lowered to a 24 h scan interval, 2 jobs disabled.',
    ])
    stopSubscriptionChecks()
    expect(await startSubscriptionChecks(db, { effects, clock })).toEqual([])
    expect(calls).toHaveLength(2)
  })

  it('checks on the timer: the lapse is applied at the first tick after the expiry, with nobody signed in', async () => {
    const { calls, effects } = recordingEffects()
    await setSubscription('paid', '2026-12-24', new Date('2026-12-23T00:00:00Z'))
    let now = new Date('2026-12-24T23:59:00Z')
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    expect(await startSubscriptionChecks(db, { effects, clock: () => now, intervalMs: 60_000 })).toEqual([])
    await vi.advanceTimersByTimeAsync(60_000)
    // Checks run one after another: this one answers after the tick's check has finished.
    expect(await applySubscriptionFallback(db, effects, new Date('2026-12-24T23:59:30Z'))).toBeNull()
    expect(calls).toEqual([])
    now = new Date('2026-12-25T00:00:30Z')
    await vi.advanceTimersByTimeAsync(60_000)
    await vi.waitFor(() => expect(calls).toHaveLength(2))
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith(expect.stringContaining('fell back to Free on 2026-12-25')))
    stopSubscriptionChecks()
    now = new Date('2027-01-01T00:00:00Z')
    await vi.advanceTimersByTimeAsync(120_000)
    expect(calls).toHaveLength(2)
    log.mockRestore()
  })

  it('a fallback cut short (the server stopped mid-way) is retried once its claim is stale, then never again', async () => {
    const { calls, effects } = recordingEffects()
    const lapsed = new Date('2026-12-28T00:00:00Z')
    await setSubscription('paid', '2026-12-27', new Date('2026-12-26T12:00:00Z'))
    const crashing: FallbackEffects = { ...effects, disableEnabledJobs: async () => Promise.reject(new Error('the server stopped')) }
    await expect(applySubscriptionFallback(db, crashing, lapsed)).rejects.toThrow('the server stopped')
    // Within the stale time another check may still be at work: nothing is applied twice.
    expect(await applySubscriptionFallback(db, effects, new Date(lapsed.getTime() + STALE_CLAIM_MS - 1000))).toBeNull()
    expect(calls).toEqual(['profiles: The subscription fell back to Free on 2026-12-28 (the paid subscription ended on 2026-12-27)'])
    const retried = await applySubscriptionFallback(db, effects, new Date(lapsed.getTime() + STALE_CLAIM_MS + 1000))
    expect(retried?.jobsDisabled).toBe(2)
    expect(calls.filter((call) => call.startsWith('jobs:'))).toHaveLength(1)
    expect(await applySubscriptionFallback(db, effects, new Date(lapsed.getTime() + 10 * STALE_CLAIM_MS))).toBeNull()
    expect(calls).toHaveLength(3)
  })

  it('an Administrator setting Free applies the fallback for that period too', async () => {
    const { calls, effects } = recordingEffects()
    const now = new Date('2026-12-26T00:00:00Z')
    await setSubscription('free', null, now)
    expect((await applySubscriptionFallback(db, effects, now))?.reason).toBe('The subscription was set to Free on 2026-12-26')
    expect(calls).toHaveLength(2)
  })
})
