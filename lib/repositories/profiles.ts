// Assessment profiles: one typed function per query; every write is a new row version (ReplacingMergeTree), read with FINAL.
import type { Database } from '@/clickhouse/client'
import { EFFECTIVE_PROFILE_ID_SQL, type QqlScope } from '@/lib/qql'
import type { ProfileStatus } from '@/lib/schemas/profiles'
import { assetScopeFilter } from './scope'
import { nextRowVersion } from './versioning'

export interface ProfileRecord {
  id: string
  name: string
  isDefault: boolean
  tags: string[]
  intervalHours: number
  status: ProfileStatus
  /** 0 unless a lapsed subscription lowered the interval (then: the interval it had). */
  loweredFromHours: number
  loweredNote: string
  createdAt: string
  createdByEmail: string
  updatedAt: string
  updatedById: string
  updatedByEmail: string
  revision: number
  version: number
}

const COLUMNS = `profile_id AS id, name, is_default AS isDefault, tags, interval_hours AS intervalHours, status,
  lowered_from_hours AS loweredFromHours, lowered_note AS loweredNote, created_at AS createdAt, created_by_email AS createdByEmail,
  updated_at AS updatedAt, updated_by_id AS updatedById, updated_by_email AS updatedByEmail, revision, version`

const numeric = (row: ProfileRecord): ProfileRecord => ({
  ...row,
  isDefault: Boolean(row.isDefault),
  intervalHours: Number(row.intervalHours),
  loweredFromHours: Number(row.loweredFromHours),
  revision: Number(row.revision),
  version: Number(row.version),
})

function toRow(profile: ProfileRecord, isDeleted = false) {
  return {
    profile_id: profile.id,
    name: profile.name,
    is_default: profile.isDefault,
    tags: profile.tags,
    interval_hours: profile.intervalHours,
    status: profile.status,
    lowered_from_hours: profile.loweredFromHours,
    lowered_note: profile.loweredNote,
    created_at: profile.createdAt,
    created_by_email: profile.createdByEmail,
    updated_at: profile.updatedAt,
    updated_by_id: profile.updatedById,
    updated_by_email: profile.updatedByEmail,
    revision: profile.revision,
    version: profile.version,
    is_deleted: isDeleted ? 1 : 0,
  }
}

/** Every profile: the default first, then custom ones oldest first. */
export async function listProfileRecords(db: Database): Promise<ProfileRecord[]> {
  const rows = await db.query<ProfileRecord>(
    `SELECT ${COLUMNS} FROM assessment_profiles FINAL WHERE is_deleted = 0 ORDER BY is_default DESC, created_at, profile_id`,
  )
  return rows.map(numeric)
}

export async function findProfileRecord(db: Database, id: string): Promise<ProfileRecord | null> {
  const rows = await db.query<ProfileRecord>(`SELECT ${COLUMNS} FROM assessment_profiles FINAL WHERE profile_id = {id:String} AND is_deleted = 0`, { id })
  return rows[0] ? numeric(rows[0]) : null
}

/** Writes a profile's new state (create or change); the caller has checked the revision it replaces. */
export async function writeProfileRecord(db: Database, profile: ProfileRecord): Promise<ProfileRecord> {
  const written = { ...profile, version: nextRowVersion(profile.version) }
  await db.insert('assessment_profiles', [toRow(written)])
  return written
}

export async function deleteProfileRecord(db: Database, profile: ProfileRecord): Promise<void> {
  await db.insert('assessment_profiles', [toRow({ ...profile, version: nextRowVersion(profile.version) }, true)])
}

/** How many assets inside `scope` each profile is the effective profile of (profiles covering none are absent). */
export async function countAssetsByProfile(db: Database, scope: QqlScope): Promise<Map<string, number>> {
  const inScope = assetScopeFilter(scope)
  const rows = await db.query<{ id: string; assets: number }>(
    `SELECT ${EFFECTIVE_PROFILE_ID_SQL} AS id, toUInt32(count()) AS assets FROM assets AS a FINAL WHERE ${inScope.where} GROUP BY id`,
    inScope.params,
  )
  return new Map(rows.map((row) => [row.id, Number(row.assets)]))
}

/**
 * An asset's tags and the id of its effective profile, for its agent: null when there is no such asset or it does not
 * carry every one of `requiredTags` (an activation key's tags, which every asset it reports carries).
 */
export async function findAssetProfile(db: Database, assetId: string, requiredTags: readonly string[]): Promise<{ tags: string[]; profileId: string } | null> {
  const rows = await db.query<{ tags: string[]; profileId: string }>(
    `SELECT a.tags AS tags, ${EFFECTIVE_PROFILE_ID_SQL} AS profileId FROM assets AS a FINAL
     WHERE a.asset_id = {assetId:String} AND hasAll(a.tags, {requiredTags:Array(String)}) LIMIT 1`,
    { assetId, requiredTags: [...requiredTags] },
  )
  return rows[0] ?? null
}
