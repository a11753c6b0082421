// Storage of the subscription (one versioned row) and of the claims that make each Free fallback happen exactly once.
import crypto from 'node:crypto'
import type { Database } from '@/clickhouse/client'
import type { SubscriptionTier } from '@/lib/schemas/subscription'

const KEY = 'current'

export interface SubscriptionRecord {
  tier: SubscriptionTier
  expiresAt: string | null
  /** A new id on every change: "this subscription period", the unit the Free fallback is applied once for. */
  periodId: string
  /** Email of the Administrator who set it; `system` for the trial a fresh install started with. */
  updatedBy: string
  updatedAt: string
  version: number
}

interface Row {
  tier: SubscriptionTier
  expires_at: string | null
  period_id: string
  updated_by: string
  updated_at: string
  version: number
}

function toRecord(row: Row): SubscriptionRecord {
  return { tier: row.tier, expiresAt: row.expires_at, periodId: row.period_id, updatedBy: row.updated_by, updatedAt: row.updated_at, version: Number(row.version) }
}

export async function readSubscription(db: Database): Promise<SubscriptionRecord | null> {
  const rows = await db.query<Row>('SELECT tier, expires_at, period_id, updated_by, updated_at, version FROM subscription FINAL WHERE key = {key:String}', { key: KEY })
  return rows[0] ? toRecord(rows[0]) : null
}

/**
 * Writes a new version of the subscription with a new period id. `version` orders the versions: the initial trial
 * is written with version 1 so any later change (versioned by the clock) replaces it, even if two starts race.
 */
export async function writeSubscription(
  db: Database,
  value: { tier: SubscriptionTier; expiresAt: string | null; updatedBy: string; periodId?: string },
  now: Date,
  fixedVersion?: number,
): Promise<SubscriptionRecord> {
  const version = fixedVersion ?? Math.max(now.getTime(), ((await readSubscription(db))?.version ?? 0) + 1)
  const record: SubscriptionRecord = {
    tier: value.tier,
    expiresAt: value.expiresAt,
    periodId: value.periodId ?? crypto.randomUUID(),
    updatedBy: value.updatedBy,
    updatedAt: now.toISOString(),
    version,
  }
  await db.insert('subscription', [
    { key: KEY, tier: record.tier, expires_at: record.expiresAt, period_id: record.periodId, updated_by: record.updatedBy, updated_at: record.updatedAt, version: record.version },
  ])
  return record
}

export interface FallbackClaim {
  claimId: string
  claimedAt: string
}

/** The claim id of the row written once the fallback's changes are done. */
export const FALLBACK_APPLIED = 'applied'

/** The claims made for a period, earliest first, with the `applied` marker among them once the changes are done. */
export async function fallbackClaims(db: Database, periodId: string): Promise<FallbackClaim[]> {
  return db.query<FallbackClaim>(
    'SELECT claim_id AS claimId, claimed_at AS claimedAt FROM subscription_fallbacks WHERE period_id = {periodId:String} ORDER BY claimed_at, claim_id',
    { periodId },
  )
}

/**
 * Claims the fallback of a period: writes a claim, then reads the period's claims back; the claim is won when it is
 * the earliest (by time, then claim id) of those made after `after` (a stale claim being retried; null: all). Two
 * servers racing both write, both read, and agree on one winner.
 */
export async function claimFallback(db: Database, record: SubscriptionRecord, now: Date, after: string | null): Promise<boolean> {
  const claimId = crypto.randomUUID()
  await writeClaim(db, record, claimId, now)
  const [first] = (await fallbackClaims(db, record.periodId)).filter((claim) => claim.claimId !== FALLBACK_APPLIED && (after === null || Date.parse(claim.claimedAt) > Date.parse(after)))
  return first?.claimId === claimId
}

/** Records that the period's fallback changes are done: no later check applies them again. */
export async function markFallbackApplied(db: Database, record: SubscriptionRecord, now: Date): Promise<void> {
  await writeClaim(db, record, FALLBACK_APPLIED, now)
}

async function writeClaim(db: Database, record: SubscriptionRecord, claimId: string, now: Date): Promise<void> {
  await db.insert('subscription_fallbacks', [{ period_id: record.periodId, claim_id: claimId, claimed_at: now.toISOString(), tier: record.tier, expires_at: record.expiresAt }])
}
