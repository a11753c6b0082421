// Storage of the licence settings (one versioned row) and the allocation read from them (lib/qql/licensing.ts).
import type { Database } from '@/clickhouse/client'
import { LICENSE_ALLOCATION_SQL, LICENSE_ELIGIBILITY_SQL, LICENSE_SETTINGS_SQL, type LicenseStatus } from '@/lib/qql/licensing'

const KEY = 'current'

export interface LicenseSettingsRecord {
  licenseCount: number
  includeTags: string[]
  excludeTags: string[]
  updatedBy: string
  updatedAt: string
  version: number
}

export async function readLicenseSettings(db: Database): Promise<LicenseSettingsRecord | null> {
  const rows = await db.query<{ license_count: number; include_tags: string[]; exclude_tags: string[]; updated_by: string; updated_at: string; version: number }>(
    'SELECT license_count, include_tags, exclude_tags, updated_by, updated_at, version FROM license_settings FINAL WHERE key = {key:String}',
    { key: KEY },
  )
  const row = rows[0]
  return row ? { licenseCount: Number(row.license_count), includeTags: row.include_tags, excludeTags: row.exclude_tags, updatedBy: row.updated_by, updatedAt: row.updated_at, version: Number(row.version) } : null
}

export async function writeLicenseSettings(db: Database, value: Pick<LicenseSettingsRecord, 'licenseCount' | 'includeTags' | 'excludeTags' | 'updatedBy'>, now: Date): Promise<LicenseSettingsRecord> {
  const version = Math.max(now.getTime(), ((await readLicenseSettings(db))?.version ?? 0) + 1)
  const record = { ...value, updatedAt: now.toISOString(), version }
  await db.insert('license_settings', [
    { key: KEY, license_count: record.licenseCount, include_tags: record.includeTags, exclude_tags: record.excludeTags, updated_by: record.updatedBy, updated_at: record.updatedAt, version },
  ])
  return record
}

/** Whether licences limit anything now (an active paid subscription with saved settings). */
export async function licensesEnforced(db: Database): Promise<boolean> {
  const [row] = await db.query<{ enforced: number }>(`SELECT toUInt8(enforced) AS enforced FROM (${LICENSE_SETTINGS_SQL})`)
  return Number(row?.enforced ?? 0) === 1
}

/** The allocation of the given assets (ids not in the inventory are absent from the map). */
export async function allocationOf(db: Database, assetIds: readonly string[]): Promise<Map<string, LicenseStatus>> {
  if (assetIds.length === 0) return new Map()
  const rows = await db.query<{ asset_id: string; license_status: LicenseStatus }>(
    `SELECT asset_id, license_status FROM (${LICENSE_ALLOCATION_SQL}) WHERE asset_id IN {ids:Array(String)}`,
    { ids: [...new Set(assetIds)] },
  )
  return new Map(rows.map((row) => [row.asset_id, row.license_status]))
}

export interface LicenseCounts {
  totalAssets: number
  /** Included and not excluded: each needs a licence. */
  eligible: number
  excluded: number
  notIncluded: number
}

export async function licenseCounts(db: Database): Promise<LicenseCounts> {
  // Output names differ from the inner columns (`excluded`, `included`), which they would otherwise shadow.
  const [row] = await db.query<{ total: number; eligible_count: number; excluded_count: number; not_included_count: number }>(
    `SELECT toUInt64(count()) AS total, toUInt64(countIf(included AND NOT excluded)) AS eligible_count, toUInt64(countIf(excluded)) AS excluded_count, toUInt64(countIf(NOT included AND NOT excluded)) AS not_included_count FROM (${LICENSE_ELIGIBILITY_SQL})`,
  )
  return { totalAssets: Number(row?.total ?? 0), eligible: Number(row?.eligible_count ?? 0), excluded: Number(row?.excluded_count ?? 0), notIncluded: Number(row?.not_included_count ?? 0) }
}
