// The Free fallback: when the subscription in effect is Free, profiles under 24 h become 24 h and Enabled jobs are disabled — exactly once per subscription period.
import type { Database } from '@/clickhouse/client'
import { appendAudit } from '@/lib/repositories/audit'
import { claimFallback, FALLBACK_APPLIED, fallbackClaims, markFallbackApplied, type SubscriptionRecord } from '@/lib/repositories/subscription'
import { periodName, utcDate } from '@/lib/schemas/subscription'
import { loadSubscription, toSubscriptionView } from './subscription'

/** What the fallback changes, each audited as `system` by its owner (profiles: H5's service, jobs: H1's). */
export interface FallbackEffects {
  applyFreeTierToProfiles(db: Database, reason: string): Promise<number>
  disableEnabledJobs(db: Database, reason: string): Promise<number>
}

export interface FallbackResult {
  periodId: string
  reason: string
  profilesChanged: number
  jobsDisabled: number
}

const SYSTEM = { id: 'system', email: 'system' } as const
/** A claim this old without the `applied` marker was cut short (the server stopped mid-way): the next check retries it. */
export const STALE_CLAIM_MS = 5 * 60_000
const globalForFallback = globalThis as unknown as { patchboardFallbackQueue?: Promise<unknown> }

/** Checks in this process run one after another, so two at once cannot both find the period unclaimed. */
function serialised<T>(work: () => Promise<T>): Promise<T> {
  const run = (globalForFallback.patchboardFallbackQueue ?? Promise.resolve()).then(work, work)
  globalForFallback.patchboardFallbackQueue = run.catch(() => undefined)
  return run
}

/** The note profiles and jobs keep: "The subscription fell back to Free on 2026-12-02 (the trial ended on 2026-12-01)". */
export function fallbackReason(record: Pick<SubscriptionRecord, 'tier' | 'expiresAt'>, now: Date): string {
  const day = utcDate(now.toISOString())
  if (record.tier === 'free') return `The subscription was set to Free on ${day}`
  return `The subscription fell back to Free on ${day} (${periodName(record.tier)} ended on ${record.expiresAt ? utcDate(record.expiresAt) : ''})`
}

/**
 * Applies the fallback if the subscription in effect is Free and this period's fallback has not been applied: claims
 * the period (persisted, so a restart or a second server does not apply it again), lowers profiles, disables jobs, and
 * marks the period applied. A claim left without that mark for STALE_CLAIM_MS (the server stopped in between) is
 * retried; the changes are idempotent (nothing is under 24 h or Enabled twice). Renewal starts a new period and
 * changes nothing back: jobs stay disabled until someone enables them.
 * Answers what it did, or null when there was nothing to do.
 */
export async function applySubscriptionFallback(db: Database, effects: FallbackEffects, now = new Date()): Promise<FallbackResult | null> {
  return serialised(async () => {
    const record = await loadSubscription(db, now)
    if (toSubscriptionView(record, now).effectiveTier !== 'free') return null
    const claims = await fallbackClaims(db, record.periodId)
    if (claims.some((claim) => claim.claimId === FALLBACK_APPLIED)) return null
    const latest = claims.at(-1)
    // Another check is applying it right now.
    if (latest && now.getTime() - Date.parse(latest.claimedAt) < STALE_CLAIM_MS) return null
    if (!(await claimFallback(db, record, now, latest?.claimedAt ?? null))) return null
    const reason = fallbackReason(record, now)
    const profilesChanged = await effects.applyFreeTierToProfiles(db, reason)
    const jobsDisabled = await effects.disableEnabledJobs(db, reason)
    await appendAudit(db, {
      actor: SYSTEM,
      action: 'subscription.fallback',
      entity: 'subscription',
      entityId: 'current',
      before: { tier: record.tier, expiresAt: record.expiresAt },
      after: { tier: record.tier, expiresAt: record.expiresAt, effectiveTier: 'free', reason, profilesChanged, jobsDisabled },
    }, now)
    await markFallbackApplied(db, record, now)
    return { periodId: record.periodId, reason, profilesChanged, jobsDisabled }
  })
}
