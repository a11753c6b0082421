// The subscription's rules: which tier applies now (an expired trial or paid subscription is Free), what it allows, and changing it (audited).
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { conflict } from '@/lib/errors'
import { appendAudit } from '@/lib/repositories/audit'
import { readSubscription, writeSubscription, type SubscriptionRecord } from '@/lib/repositories/subscription'
import { MIN_SCAN_INTERVAL_HOURS, periodName, TRIAL_DAYS, utcDate, type SubscriptionView, type UpdateSubscriptionInput } from '@/lib/schemas/subscription'

export type { SubscriptionView } from '@/lib/schemas/subscription'

const DAY_MS = 24 * 60 * 60 * 1000
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
const SYSTEM = { id: 'system', email: 'system' } as const

const globalForSubscription = globalThis as unknown as { patchboardSubscriptionStart?: Promise<SubscriptionRecord> }

/**
 * The stored subscription, or — on a fresh install — the trial it starts with: TRIAL_DAYS from the first time the
 * server reads it (start-up does, see subscription-runtime.ts), written once (version 1, audited as `system`).
 */
export async function loadSubscription(db: Database, now = new Date()): Promise<SubscriptionRecord> {
  const stored = await readSubscription(db)
  if (stored) return stored
  globalForSubscription.patchboardSubscriptionStart ??= (async () => {
    const again = await readSubscription(db)
    if (again) return again
    const trial = await writeSubscription(db, { tier: 'trial', expiresAt: new Date(now.getTime() + TRIAL_DAYS * DAY_MS).toISOString(), updatedBy: SYSTEM.email }, now, 1)
    await appendAudit(db, { actor: SYSTEM, action: 'subscription.start', entity: 'subscription', entityId: 'current', after: { tier: trial.tier, expiresAt: trial.expiresAt } }, now)
    return trial
  })().finally(() => {
    globalForSubscription.patchboardSubscriptionStart = undefined
  })
  return globalForSubscription.patchboardSubscriptionStart
}

export function isExpired(record: Pick<SubscriptionRecord, 'tier' | 'expiresAt'>, now: Date): boolean {
  return record.tier !== 'free' && record.expiresAt !== null && Date.parse(record.expiresAt) <= now.getTime()
}

export function toSubscriptionView(record: SubscriptionRecord, now: Date): SubscriptionView {
  const expired = isExpired(record, now)
  const effectiveTier = expired ? 'free' : record.tier
  return {
    tier: record.tier,
    effectiveTier,
    expiresAt: record.expiresAt,
    expired,
    minScanIntervalHours: MIN_SCAN_INTERVAL_HOURS[effectiveTier],
    jobsAllowed: effectiveTier !== 'free',
    updatedAt: record.version === 1 ? null : record.updatedAt,
    updatedBy: record.updatedBy,
  }
}

export async function getSubscription(db: Database, now = new Date()): Promise<SubscriptionView> {
  return toSubscriptionView(await loadSubscription(db, now), now)
}

/** Refuses deployment and uninstall jobs on Free (also a lapsed trial or paid subscription), saying why. */
export async function assertJobsAllowed(db: Database, now = new Date()): Promise<void> {
  const view = await getSubscription(db, now)
  if (view.jobsAllowed) return
  const why = view.expired ? `${capitalise(periodName(view.tier))} expired on ${view.expiresAt ? utcDate(view.expiresAt) : ''}, so Patchboard runs on Free` : 'The subscription is Free'
  throw conflict('SUBSCRIPTION_NO_JOBS', `${why}: deployment and uninstall jobs cannot be created, enabled or run. An Administrator can renew it under Administration → Subscription.`, {
    tier: view.tier,
    effectiveTier: view.effectiveTier,
  })
}

/** The shortest scan interval profiles may use now: 24 h on Free, 4 h on a trial or paid subscription. */
export async function minimumScanIntervalHours(db: Database, now = new Date()): Promise<number> {
  return (await getSubscription(db, now)).minScanIntervalHours
}

/**
 * An Administrator sets the tier and expiry (a new subscription period). Audited with before and after. The caller
 * (the route) then runs the fallback check, so setting a lapsed or Free subscription takes effect at once.
 */
export async function updateSubscription(db: Database, actor: SessionUser, input: UpdateSubscriptionInput, now = new Date()): Promise<SubscriptionView> {
  const before = await loadSubscription(db, now)
  const after = await writeSubscription(db, { tier: input.tier, expiresAt: input.tier === 'free' ? null : (input.expiresAt ?? null), updatedBy: actor.email }, now)
  await appendAudit(db, {
    actor,
    action: 'subscription.update',
    entity: 'subscription',
    entityId: 'current',
    before: { tier: before.tier, expiresAt: before.expiresAt },
    after: { tier: after.tier, expiresAt: after.expiresAt },
  }, now)
  return toSubscriptionView(after, now)
}
