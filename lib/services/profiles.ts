// Assessment profiles' rules: the default profile (created once, never deleted or disabled), custom profiles with exclusive
// tags and a tier-dependent minimum interval, optimistic concurrency on edit, the Free fallback, every change audited.
import crypto from 'node:crypto'
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { conflict, DomainError, invalid, notFound } from '@/lib/errors'
import { appendAudit, type AuditEntry } from '@/lib/repositories/audit'
import { deleteProfileRecord, findProfileRecord, listProfileRecords, writeProfileRecord, type ProfileRecord } from '@/lib/repositories/profiles'
import {
  DEFAULT_PROFILE_ID,
  type createProfileBody,
  type ProfileBulkResult,
  type ProfileStatus,
  type profileBulkBody,
  type updateProfileBody,
} from '@/lib/schemas/profiles'
import { MIN_SCAN_INTERVAL_HOURS, TIER_LABELS } from '@/lib/schemas/subscription'
import { getSubscription } from './subscription'
import type { z } from 'zod'

type Actor = AuditEntry['actor']
const SYSTEM: Actor = { id: 'system', email: 'system' }
const DEFAULT_PROFILE_NAME = 'Default'

const lockHolder = globalThis as typeof globalThis & { patchboardProfileLock?: Promise<unknown> }

/**
 * Runs `change` after every earlier profile change in this process. Tag exclusivity spans profiles and ClickHouse has
 * no transactions: without one queue for all profiles, two creates naming the same tag could both pass the check.
 * Several servers sharing one ClickHouse do not share it (docs/configuration.md).
 */
function serialised<T>(change: () => Promise<T>): Promise<T> {
  const run = (lockHolder.patchboardProfileLock ?? Promise.resolve()).then(change)
  lockHolder.patchboardProfileLock = run.catch(() => undefined)
  return run
}

const auditState = ({ version: _version, ...record }: ProfileRecord) => record

async function write(db: Database, actor: Actor, action: string, before: ProfileRecord | null, next: ProfileRecord): Promise<ProfileRecord> {
  const written = await writeProfileRecord(db, { ...next, updatedById: actor.id, updatedByEmail: actor.email, updatedAt: new Date().toISOString() })
  await appendAudit(db, { actor, action, entity: 'profile', entityId: written.id, before: before ? auditState(before) : undefined, after: auditState(written) })
  return written
}

/** The default profile, created when missing (first start, or a fresh test database) with the tier's shortest interval. */
async function loadOrCreateDefault(db: Database, profiles: ProfileRecord[]): Promise<ProfileRecord[]> {
  if (profiles.some((profile) => profile.isDefault)) return profiles
  const now = new Date().toISOString()
  const { minScanIntervalHours } = await getSubscription(db)
  const created = await write(db, SYSTEM, 'profile.create', null, {
    id: DEFAULT_PROFILE_ID, name: DEFAULT_PROFILE_NAME, isDefault: true, tags: [], intervalHours: minScanIntervalHours, status: 'Enabled',
    loweredFromHours: 0, loweredNote: '', createdAt: now, createdByEmail: SYSTEM.email, updatedAt: now, updatedById: SYSTEM.id, updatedByEmail: SYSTEM.email,
    revision: 1, version: 0,
  })
  return [created, ...profiles]
}

/** Inside `serialised` only (it may write the default profile). */
async function loadProfilesLocked(db: Database): Promise<ProfileRecord[]> {
  return loadOrCreateDefault(db, await listProfileRecords(db))
}

/** Every profile, the default first (created if missing). */
export async function loadProfiles(db: Database): Promise<ProfileRecord[]> {
  const profiles = await listProfileRecords(db)
  return profiles.some((profile) => profile.isDefault) ? profiles : serialised(() => loadProfilesLocked(db))
}

/** Start-up step: the default profile exists from the first start on (its interval follows the tier then). */
export async function ensureDefaultProfile(db: Database): Promise<string[]> {
  await loadProfiles(db)
  return []
}

/** Inside `serialised` only. */
async function requireProfile(db: Database, id: string): Promise<ProfileRecord> {
  if (id === DEFAULT_PROFILE_ID) return (await loadProfilesLocked(db)).find((profile) => profile.isDefault)!
  const profile = await findProfileRecord(db, id)
  if (!profile) throw notFound('No such assessment profile: it may have been deleted.', { id })
  return profile
}

/** 400 at the interval field when it is under the subscription's minimum, naming the tier and the minimum. */
async function assertInterval(db: Database, hours: number): Promise<void> {
  const subscription = await getSubscription(db)
  if (hours >= subscription.minScanIntervalHours) return
  const tier = subscription.expired
    ? `The ${TIER_LABELS[subscription.tier].toLowerCase()} subscription has expired, so Patchboard runs on Free, which`
    : `The ${TIER_LABELS[subscription.effectiveTier]} subscription`
  const message = `${tier} allows scan intervals of ${subscription.minScanIntervalHours} h or more; ${hours} h is too short.`
  throw invalid('INTERVAL_TOO_SHORT', message, [{ path: 'intervalHours', message }])
}

/** 409 unless the name is free (ignoring case) and no other custom profile holds one of the tags (ignoring case). */
function assertUnique(profiles: ProfileRecord[], candidate: { id: string | null; name: string; tags: string[] }): void {
  const others = profiles.filter((profile) => profile.id !== candidate.id)
  const sameName = others.find((profile) => profile.name.toLowerCase() === candidate.name.toLowerCase())
  if (sameName) {
    const message = `A profile named "${sameName.name}" exists already; choose another name.`
    throw conflict('PROFILE_NAME_TAKEN', message, [{ path: 'name', message }])
  }
  for (const tag of candidate.tags) {
    const holder = others.find((profile) => !profile.isDefault && profile.tags.some((held) => held.toLowerCase() === tag.toLowerCase()))
    if (holder) {
      const held = holder.tags.find((other) => other.toLowerCase() === tag.toLowerCase())
      const message = `Tag "${held}" belongs to the custom profile "${holder.name}" already: a tag belongs to at most one custom profile.`
      throw conflict('PROFILE_TAG_TAKEN', message, [{ path: 'tags', message }])
    }
  }
}

function refuseForDefault(profile: ProfileRecord, what: 'deleted' | 'enabled' | 'disabled'): void {
  if (!profile.isDefault) return
  throw conflict('DEFAULT_PROFILE', `The default profile cannot be ${what}: it always applies to every agent no enabled custom profile covers. Only its interval can change.`)
}

export async function createProfile(db: Database, actor: SessionUser, input: z.output<typeof createProfileBody>): Promise<ProfileRecord> {
  await assertInterval(db, input.intervalHours)
  return serialised(async () => {
    assertUnique(await loadProfilesLocked(db), { id: null, name: input.name, tags: input.tags })
    const now = new Date().toISOString()
    return write(db, actor, 'profile.create', null, {
      id: crypto.randomUUID(), name: input.name, isDefault: false, tags: input.tags, intervalHours: input.intervalHours, status: input.status ?? 'Enabled',
      loweredFromHours: 0, loweredNote: '', createdAt: now, createdByEmail: actor.email, updatedAt: now, updatedById: actor.id, updatedByEmail: actor.email,
      revision: 1, version: 0,
    })
  })
}

/** 409 when someone saved the profile after the editor opened it: who, when, at which revision. */
function assertRevision(profile: ProfileRecord, expected: number): void {
  if (profile.revision === expected) return
  throw conflict(
    'PROFILE_CHANGED',
    `${profile.updatedByEmail} saved this profile at ${profile.updatedAt} UTC (revision ${profile.revision}) after you opened revision ${expected}. Nothing was saved: reload to see their change, then apply yours again.`,
    { revision: profile.revision, expectedRevision: expected, updatedBy: profile.updatedByEmail, updatedAt: profile.updatedAt },
  )
}

/** Edits name, tags and interval (the default: only its interval). Editing the interval clears a Free-fallback note. */
export async function updateProfile(db: Database, actor: SessionUser, id: string, input: z.output<typeof updateProfileBody>): Promise<ProfileRecord> {
  if (input.intervalHours !== undefined) await assertInterval(db, input.intervalHours)
  return serialised(async () => {
    const profile = await requireProfile(db, id)
    assertRevision(profile, input.revision)
    if (profile.isDefault && ((input.name !== undefined && input.name !== profile.name) || (input.tags !== undefined && input.tags.length > 0))) {
      throw invalid('DEFAULT_PROFILE', 'The default profile keeps its name and has no tags: it covers every asset no custom profile covers. Only its interval can change.')
    }
    const next: ProfileRecord = {
      ...profile,
      name: input.name ?? profile.name,
      tags: profile.isDefault ? [] : (input.tags ?? profile.tags),
      intervalHours: input.intervalHours ?? profile.intervalHours,
      ...(input.intervalHours === undefined ? {} : { loweredFromHours: 0, loweredNote: '' }),
      revision: profile.revision + 1,
    }
    assertUnique(await loadProfilesLocked(db), next)
    return write(db, actor, 'profile.update', profile, next)
  })
}

export async function deleteProfile(db: Database, actor: SessionUser, id: string): Promise<void> {
  await serialised(async () => {
    const profile = await requireProfile(db, id)
    refuseForDefault(profile, 'deleted')
    await deleteProfileRecord(db, profile)
    await appendAudit(db, { actor, action: 'profile.delete', entity: 'profile', entityId: profile.id, before: auditState(profile) })
  })
}

export async function setProfileStatus(db: Database, actor: SessionUser, id: string, status: ProfileStatus): Promise<ProfileRecord> {
  return serialised(async () => {
    const profile = await requireProfile(db, id)
    refuseForDefault(profile, status === 'Enabled' ? 'enabled' : 'disabled')
    if (profile.status === status) return profile
    if (status === 'Enabled') await assertInterval(db, profile.intervalHours)
    return write(db, actor, status === 'Enabled' ? 'profile.enable' : 'profile.disable', profile, { ...profile, status, revision: profile.revision + 1 })
  })
}

/** One action on several profiles: each done or refused with its reason (the default is always refused). */
export async function bulkProfileAction(db: Database, actor: SessionUser, input: z.output<typeof profileBulkBody>): Promise<ProfileBulkResult> {
  const result: ProfileBulkResult = { done: [], refused: [] }
  const names = new Map((await loadProfiles(db)).map((profile) => [profile.id, profile.name]))
  for (const id of new Set(input.ids)) {
    try {
      if (input.action === 'delete') await deleteProfile(db, actor, id)
      else await setProfileStatus(db, actor, id, input.action === 'enable' ? 'Enabled' : 'Disabled')
      result.done.push(id)
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      result.refused.push({ id, name: names.get(id) ?? id, reason: error.message })
    }
  }
  return result
}

/**
 * The Free fallback (H6's subscription check calls it when a trial or paid subscription lapses): every profile, default
 * and custom, with an interval under the Free minimum gets that minimum, remembering the interval it had and `reason`
 * (shown on the profile until someone edits its interval), audited as `system`. Renewal changes nothing back.
 */
export async function applyFreeTierToProfiles(db: Database, reason: string): Promise<number> {
  const minimum = MIN_SCAN_INTERVAL_HOURS.free
  return serialised(async () => {
    const lowered = (await loadProfilesLocked(db)).filter((profile) => profile.intervalHours < minimum)
    for (const profile of lowered) {
      const next = { ...profile, intervalHours: minimum, loweredFromHours: profile.intervalHours, loweredNote: reason, revision: profile.revision + 1 }
      await write(db, SYSTEM, 'profile.freeTierFallback', profile, next)
    }
    return lowered.length
  })
}
