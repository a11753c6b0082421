// The Free fallback with the real profiles and jobs: a 6 h profile becomes 24 h with a note, an enabled job is disabled with the reason, and after renewal re-enabling is by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { toSessionUser, type SessionUser } from '@/lib/auth/user'
import { DomainError } from '@/lib/errors'
import { loadJob } from '@/lib/repositories/jobs'
import { createUser } from '@/lib/repositories/users'
import { createProfileBody } from '@/lib/schemas/profiles'
import { updateSubscriptionBody } from '@/lib/schemas/subscription'
import { openTestDatabase } from '@/test/database'
import { seedJobEstate, weeklyJob } from '@/test/jobs-fixtures'
import { createJob, createJobBody } from './jobs'
import { enableJob } from './jobs-actions'
import { createProfile, loadProfiles } from './profiles'
import { updateSubscription } from './subscription'
import { subscriptionFallbackEffects } from './subscription-effects'
import { applySubscriptionFallback } from './subscription-fallback'

let db: Database
let close: () => Promise<void>
let admin: SessionUser
let manager: SessionUser

const setSubscription = (tier: 'free' | 'trial' | 'paid', expiresAt: string | null) => updateSubscription(db, admin, updateSubscriptionBody.parse({ tier, expiresAt }))

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  admin = toSessionUser(await createUser(db, { email: 'admin@example.test', name: 'Ada', role: 'Administrator', scope: { all: true, tags: [] }, passwordHash: '' }))
  manager = toSessionUser(await createUser(db, { email: 'manager@example.test', name: 'Mia', role: 'Patch Manager', scope: { all: true, tags: [] }, passwordHash: '' }))
  await seedJobEstate(db)
})
afterAll(async () => close())

describe('the Free fallback on real profiles and jobs', () => {
  it('lowers a 6 h profile to 24 h, disables the enabled job with the reason, and leaves it disabled after renewal until enabled by hand', async () => {
    await setSubscription('paid', '2099-12-31')
    const servers = await createProfile(db, manager, createProfileBody.parse({ name: 'Servers every 6 h', tags: ['Servers'], intervalHours: 6, status: null }))
    const created = await createJob(db, manager, createJobBody.parse(weeklyJob('Patch workstations')))
    const enabled = await enableJob(db, manager, created.id)
    expect(enabled.status).toBe('Enabled')

    // The admin records an expired trial: the route applies the fallback at once.
    await setSubscription('trial', '2020-01-31')
    const result = await applySubscriptionFallback(db, subscriptionFallbackEffects)
    expect(result).toMatchObject({ jobsDisabled: 1 })
    expect(result?.profilesChanged).toBeGreaterThanOrEqual(1)

    const profile = (await loadProfiles(db)).find((candidate) => candidate.id === servers.id)!
    expect(profile).toMatchObject({ intervalHours: 24, loweredFromHours: 6 })
    expect(profile.loweredNote).toContain('fell back to Free')
    const job = (await loadJob(db, created.id))!
    expect(job.status).toBe('Disabled')
    expect(job.disabledReason).toContain('The subscription fell back to Free on')
    expect(job.disabledReason).toContain('the trial ended on 2020-01-31')

    // On Free the job cannot be enabled again.
    const refused = await enableJob(db, manager, created.id).then(() => null, (error: unknown) => error)
    expect(refused).toBeInstanceOf(DomainError)
    expect((refused as DomainError).code).toBe('SUBSCRIPTION_NO_JOBS')

    // Renewal changes nothing back: the job stays disabled, the profile at 24 h.
    await setSubscription('paid', '2099-12-31')
    expect(await applySubscriptionFallback(db, subscriptionFallbackEffects)).toBeNull()
    expect((await loadJob(db, created.id))!.status).toBe('Disabled')
    expect((await loadProfiles(db)).find((candidate) => candidate.id === servers.id)!.intervalHours).toBe(24)

    // Re-enabling is by hand, and clears the reason.
    const reEnabled = await enableJob(db, manager, created.id)
    expect(reEnabled.status).toBe('Enabled')
    expect((await loadJob(db, created.id))!.disabledReason).toBe('')

    const audits = await db.query<{ actor_email: string; action: string }>("SELECT actor_email, action FROM audit_log WHERE actor_email = 'system' AND action IN ('subscription.fallback', 'job.disable', 'profile.freeTierFallback')")
    expect(new Set(audits.map((entry) => entry.action))).toEqual(new Set(['subscription.fallback', 'job.disable', 'profile.freeTierFallback']))
  })
})
