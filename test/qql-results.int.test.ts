// QQL results on a seeded demo estate equal those of independently hand-written SQL, tag scope included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database, QueryParams } from '@/clickhouse/client'
import { seedDemoEstate } from '@/ingest/seed'
import { compileQql, ENTITY_SOURCES, type Entity, type QqlUser } from '@/lib/qql'
import { openTestDatabase } from '@/test/database'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS
const END_DATE = new Date('2026-03-20T12:00:00.000Z')
/** Two calendar days before the last day of the estate, as typed in a query and as a SQL bound. */
const TWO_DAYS_BEFORE_END = new Date(END_DATE.getTime() - 2 * DAY_MS).toISOString().slice(0, 10)

const EVERYONE: QqlUser = { scope: { all: true, tags: [] }, timeZone: 'UTC' }
const BERLIN_ONLY: QqlUser = { scope: { all: false, tags: ['Site-Berlin'] }, timeZone: 'UTC' }
const NO_TAGS: QqlUser = { scope: { all: false, tags: [] }, timeZone: 'UTC' }

/** What each entity's result is identified by: asset ids, patch ids, or asset|patch pairs. */
const RESULT_KEYS: Record<Entity, string> = {
  assets: 'a.asset_id',
  patches: 'p.patch_id',
  findings: "concat(f.asset_id, '|', f.patch_id)",
  jobs: 'j.job_id',
  audit: "concat(toString(l.at), '|', l.action, '|', l.entity_id)",
}

const CURRENT_FINDINGS = 'SELECT asset_id, patch_id, status, first_seen_at, installed_at FROM findings FINAL WHERE is_deleted = 0'
/** Per patch, the number of current Missing / Installed findings on assets passing `assetCondition` (patches without any: 0). */
const patchCountsSql = (assetCondition: string) => `
  SELECT p.patch_id AS key FROM patches AS p FINAL
  LEFT JOIN (
    SELECT patch_id, countIf(status = 'Missing') AS missing, countIf(status = 'Installed') AS installed
    FROM (${CURRENT_FINDINGS}) WHERE asset_id IN (SELECT asset_id FROM assets FINAL WHERE ${assetCondition}) GROUP BY patch_id
  ) AS c ON c.patch_id = p.patch_id`

interface ResultCase {
  name: string
  entity: Entity
  query: string
  version?: number
  user?: QqlUser
  /** Hand-written SQL selecting the expected keys as `key`. */
  sql: string
  params?: QueryParams
}

let db: Database
let close: () => Promise<void>
beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  await seedDemoEstate(db, { assets: 150, days: 5, seed: 7, endDate: END_DATE })
})
afterAll(async () => close())

async function keys(sql: string, params: QueryParams = {}): Promise<string[]> {
  const rows = await db.query<{ key: string }>(sql, params)
  return rows.map((row) => row.key).sort()
}

async function qqlKeys(entity: Entity, query: string, user: QqlUser = EVERYONE, version?: number): Promise<string[]> {
  const result = compileQql({ query, entity, user, version })
  if (!result.ok) throw new Error(`${query}: ${result.errors.map((error) => error.message).join('; ')}`)
  return keys(`SELECT ${RESULT_KEYS[entity]} AS key FROM ${ENTITY_SOURCES[entity]} WHERE ${result.where}`, result.params)
}

async function totalOf(entity: Entity): Promise<number> {
  return (await qqlKeys(entity, '')).length
}

const CASES: ResultCase[] = [
  {
    name: 'Windows assets missing critical patches',
    entity: 'assets',
    query: 'osFamily: Windows and missingCriticalCount > 0',
    sql: 'SELECT asset_id AS key FROM assets FINAL WHERE os_family = {family:String} AND missing_critical_count > 0',
    params: { family: 'Windows' },
  },
  {
    name: 'assets tagged with a site',
    entity: 'assets',
    query: 'tags.name: site-berlin',
    sql: 'SELECT asset_id AS key FROM assets FINAL WHERE has(tags, {tag:String})',
    params: { tag: 'Site-Berlin' },
  },
  {
    name: 'assets with at least one current missing critical finding',
    entity: 'assets',
    query: 'patch.vendorSeverity: Critical and patch.status: Missing',
    sql: `SELECT DISTINCT asset_id AS key FROM (${CURRENT_FINDINGS})
          WHERE status = 'Missing' AND patch_id IN (SELECT patch_id FROM patches FINAL WHERE vendor_severity = {severity:String})`,
    params: { severity: 'Critical' },
  },
  {
    name: 'patch.* conditions ANDed hold for one and the same finding',
    entity: 'assets',
    query: 'patch.vendor: google and patch.status: Installed',
    sql: `SELECT DISTINCT asset_id AS key FROM (${CURRENT_FINDINGS})
          WHERE status = 'Installed' AND patch_id IN (SELECT patch_id FROM patches FINAL WHERE vendor = {vendor:String})`,
    params: { vendor: 'Google' },
  },
  {
    name: 'assets with no current finding of a Chrome patch',
    entity: 'assets',
    query: 'NOT patch.title: chrome',
    sql: `SELECT asset_id AS key FROM assets FINAL WHERE asset_id NOT IN (
            SELECT asset_id FROM (${CURRENT_FINDINGS})
            WHERE patch_id IN (SELECT patch_id FROM patches FINAL WHERE positionCaseInsensitiveUTF8(title, {word:String}) > 0))`,
    params: { word: 'chrome' },
  },
  {
    name: 'patch.* conditions ORed: a finding of either vendor',
    entity: 'assets',
    query: 'patch.vendor: Mozilla or patch.vendor: Oracle',
    sql: `SELECT DISTINCT asset_id AS key FROM (${CURRENT_FINDINGS}) WHERE patch_id IN (SELECT patch_id FROM patches FINAL WHERE vendor = {first:String})
          UNION DISTINCT
          SELECT DISTINCT asset_id AS key FROM (${CURRENT_FINDINGS}) WHERE patch_id IN (SELECT patch_id FROM patches FINAL WHERE vendor = {second:String})`,
    params: { first: 'Mozilla', second: 'Oracle' },
  },
  {
    name: 'a name prefix',
    entity: 'assets',
    query: 'name: WKS-BER*',
    sql: 'SELECT asset_id AS key FROM assets FINAL WHERE startsWith(name, {prefix:String})',
    params: { prefix: 'WKS-BER' },
  },
  {
    name: 'servers missing a SQL Server patch',
    entity: 'assets',
    query: 'tags.name: Servers and patch.appFamily: "SQL Server" and patch.status: Missing',
    sql: `SELECT asset_id AS key FROM assets FINAL WHERE has(tags, {tag:String}) AND asset_id IN (
            SELECT asset_id FROM (${CURRENT_FINDINGS}) WHERE status = 'Missing'
            AND patch_id IN (SELECT patch_id FROM patches FINAL WHERE app_family = {family:String}))`,
    params: { tag: 'Servers', family: 'SQL Server' },
  },
  {
    name: 'a CIDR block',
    entity: 'assets',
    query: 'interfaces.address: 10.20.0.0/16',
    sql: 'SELECT asset_id AS key FROM assets FINAL WHERE arrayExists(ip -> startsWith(ip, {network:String}), ip_addresses)',
    params: { network: '10.20.' },
  },
  {
    name: 'version 1: `os` and `severity: High` are migrated',
    entity: 'assets',
    version: 1,
    query: 'os: "Windows 11" and patch.severity: High',
    sql: `SELECT asset_id AS key FROM assets FINAL WHERE positionCaseInsensitiveUTF8(operating_system, {os:String}) > 0 AND asset_id IN (
            SELECT asset_id FROM (${CURRENT_FINDINGS}) WHERE patch_id IN (SELECT patch_id FROM patches FINAL WHERE vendor_severity = {severity:String}))`,
    params: { os: 'windows 11', severity: 'Important' },
  },
  {
    name: 'patches missing on more than 3 assets',
    entity: 'patches',
    query: 'missingCount > 3',
    sql: `${patchCountsSql('1')} WHERE ifNull(c.missing, 0) > 3`,
  },
  {
    name: 'patches missing on fewer than 2 assets, those without findings included',
    entity: 'patches',
    query: 'missingCount < 2',
    sql: `${patchCountsSql('1')} WHERE ifNull(c.missing, 0) < 2`,
  },
  {
    name: 'current critical and important patches',
    entity: 'patches',
    query: 'vendorSeverity: [Critical, Important] and isSuperseded: false',
    sql: 'SELECT patch_id AS key FROM patches FINAL WHERE vendor_severity IN ({severities:Array(String)}) AND NOT is_superseded',
    params: { severities: ['Critical', 'Important'] },
  },
  {
    name: 'version 1: isLatest: true',
    entity: 'patches',
    version: 1,
    query: 'isLatest: true',
    sql: 'SELECT patch_id AS key FROM patches FINAL WHERE is_superseded = false',
  },
  {
    name: 'installed widely, security patches',
    entity: 'patches',
    query: 'installedCount >= 10 and category: "security patches"',
    sql: `${patchCountsSql('1')} WHERE ifNull(c.installed, 0) >= 10 AND p.category = {category:String}`,
    params: { category: 'Security Patches' },
  },
  {
    name: 'a CVE year wildcard',
    entity: 'patches',
    query: 'cve: cve-2025-*',
    sql: 'SELECT patch_id AS key FROM patches FINAL WHERE arrayExists(cve -> startsWith(upperUTF8(cve), {prefix:String}), cves)',
    params: { prefix: 'CVE-2025-' },
  },
  {
    name: 'missing critical findings at one site',
    entity: 'findings',
    query: 'status: Missing and patch.vendorSeverity: Critical and asset.tags.name: Site-Pune',
    sql: `SELECT concat(asset_id, '|', patch_id) AS key FROM (${CURRENT_FINDINGS}) WHERE status = 'Missing'
          AND patch_id IN (SELECT patch_id FROM patches FINAL WHERE vendor_severity = {severity:String})
          AND asset_id IN (SELECT asset_id FROM assets FINAL WHERE has(tags, {tag:String}))`,
    params: { severity: 'Critical', tag: 'Site-Pune' },
  },
  {
    name: 'findings first seen after a whole day, on servers',
    entity: 'findings',
    query: `firstSeenDate > ${TWO_DAYS_BEFORE_END} and asset.name: SRV*`,
    sql: `SELECT concat(asset_id, '|', patch_id) AS key FROM (${CURRENT_FINDINGS})
          WHERE first_seen_at >= toDateTime64({day:Date} + 1, 3, 'UTC')
          AND asset_id IN (SELECT asset_id FROM assets FINAL WHERE startsWith(name, {prefix:String}))`,
    params: { day: TWO_DAYS_BEFORE_END, prefix: 'SRV' },
  },
  {
    name: 'findings installed within a date range',
    entity: 'findings',
    query: `installedDate: [${TWO_DAYS_BEFORE_END} .. ${END_DATE.toISOString().slice(0, 10)}]`,
    sql: `SELECT concat(asset_id, '|', patch_id) AS key FROM (${CURRENT_FINDINGS})
          WHERE toDate(installed_at, 'UTC') BETWEEN {from:Date} AND {to:Date}`,
    params: { from: TWO_DAYS_BEFORE_END, to: END_DATE.toISOString().slice(0, 10) },
  },
]

describe('QQL results equal hand-written SQL on a demo estate', () => {
  it.each(CASES.map((testCase) => [testCase.name, testCase] as const))('%s', async (_, testCase) => {
    const expected = await keys(testCase.sql, testCase.params)
    // Each case must split the data, or equality would prove little.
    expect(expected.length).toBeGreaterThan(0)
    expect(expected.length).toBeLessThan(await totalOf(testCase.entity))
    expect(await qqlKeys(testCase.entity, testCase.query, testCase.user, testCase.version)).toEqual(expected)
  })

  it('version 1 `isLatest: true` selects what version 2 `isSuperseded: false` does', async () => {
    expect(await qqlKeys('patches', 'isLatest: true', EVERYONE, 1)).toEqual(await qqlKeys('patches', 'isSuperseded: false'))
    expect(await qqlKeys('assets', 'patch.isLatest: false and patch.status: Missing', EVERYONE, 1)).toEqual(
      await qqlKeys('assets', 'patch.isSuperseded: true and patch.status: Missing'),
    )
  })

  it('relative dates count back from now: assets scanned in the last hours of the estate', async () => {
    // The estate ends at END_DATE; scans of its last day spread over the 12 hours before it.
    const hoursBack = Math.ceil((Date.now() - END_DATE.getTime()) / HOUR_MS) + 6
    const cutoff = new Date(Date.now() - hoursBack * HOUR_MS).toISOString()
    const expected = await keys("SELECT asset_id AS key FROM assets FINAL WHERE last_scan_at > parseDateTime64BestEffort({cutoff:String}, 3, 'UTC')", { cutoff })
    expect(expected.length).toBeGreaterThan(0)
    expect(expected.length).toBeLessThan(150)
    expect(await qqlKeys('assets', `scanDateTime > now-${hoursBack}h`)).toEqual(expected)
  })
})

describe('tag scope', () => {
  const berlinAssets = () => keys('SELECT asset_id AS key FROM assets FINAL WHERE has(tags, {tag:String})', { tag: 'Site-Berlin' })

  it('assets: only those tagged Site-Berlin', async () => {
    const berlin = await berlinAssets()
    const found = await qqlKeys('assets', 'missingPatchCount > 0', BERLIN_ONLY)
    expect(found).toEqual(
      await keys('SELECT asset_id AS key FROM assets FINAL WHERE has(tags, {tag:String}) AND missing_count > 0', { tag: 'Site-Berlin' }),
    )
    expect(found.length).toBeGreaterThan(0)
    expect(found.every((id) => berlin.includes(id))).toBe(true)
    expect(await qqlKeys('assets', 'tags.name: Site-Pune', BERLIN_ONLY)).toEqual([])
  })

  it('findings: only those of Site-Berlin assets', async () => {
    const berlin = new Set(await berlinAssets())
    const found = await qqlKeys('findings', 'status: Missing and patch.vendorSeverity: Critical', BERLIN_ONLY)
    expect(found).toEqual(
      await keys(
        `SELECT concat(asset_id, '|', patch_id) AS key FROM (${CURRENT_FINDINGS}) WHERE status = 'Missing'
         AND patch_id IN (SELECT patch_id FROM patches FINAL WHERE vendor_severity = {severity:String})
         AND asset_id IN (SELECT asset_id FROM assets FINAL WHERE has(tags, {tag:String}))`,
        { severity: 'Critical', tag: 'Site-Berlin' },
      ),
    )
    expect(found.length).toBeGreaterThan(0)
    expect(found.every((key) => berlin.has(key.split('|')[0]))).toBe(true)
  })

  it('patches: the whole catalog, but missingCount counts only Site-Berlin assets', async () => {
    expect(await qqlKeys('patches', '', BERLIN_ONLY)).toHaveLength(await totalOf('patches'))
    const berlinCounted = await keys(`${patchCountsSql('has(tags, {tag:String})')} WHERE ifNull(c.missing, 0) > 3`, { tag: 'Site-Berlin' })
    expect(await qqlKeys('patches', 'missingCount > 3', BERLIN_ONLY)).toEqual(berlinCounted)
    expect(await qqlKeys('patches', 'missingCount > 3')).not.toEqual(berlinCounted)
    expect(await qqlKeys('patches', 'missingCount < 2', BERLIN_ONLY)).toEqual(
      await keys(`${patchCountsSql('has(tags, {tag:String})')} WHERE ifNull(c.missing, 0) < 2`, { tag: 'Site-Berlin' }),
    )
  })

  it('a user without tags sees no assets, no findings and counts nothing', async () => {
    expect(await qqlKeys('assets', '', NO_TAGS)).toEqual([])
    expect(await qqlKeys('assets', 'tags.name: Site-Berlin or NOT tags.name: Site-Berlin', NO_TAGS)).toEqual([])
    expect(await qqlKeys('findings', '', NO_TAGS)).toEqual([])
    expect(await qqlKeys('patches', 'missingCount > 0 or installedCount > 0', NO_TAGS)).toEqual([])
  })
})
