// Regression guard for the QQL compiler: every compiled query (jobs too), hostile values included, runs on the real engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { openTestDatabase } from '@/test/database'
import { compileQql, ENTITIES, ENTITY_SOURCES, tokensFor, valueSuggestionQuery, type Entity, type QqlToken, type QqlUser } from './index'

const EVERYONE: QqlUser = { scope: { all: true, tags: [] }, timeZone: 'UTC' }
const BERLIN_SITE: QqlUser = { scope: { all: false, tags: ['Site-Berlin', "O'Brien's \\ {x:String}"] }, timeZone: 'Europe/Berlin' }
const NO_TAGS: QqlUser = { scope: { all: false, tags: [] }, timeZone: 'America/New_York' }
const UNKNOWN_ZONE: QqlUser = { scope: { all: true, tags: [] }, timeZone: 'Mars/Olympus_Mons' }

interface Case {
  entity: Entity
  query: string
  user?: QqlUser
  version?: number
}

/** A few rows whose odd values (IPv6, text that is not an address, a null install date) reach every function at run time. */
async function insertSampleRows(db: Database): Promise<void> {
  const at = '2026-01-15T10:00:00.000Z'
  await db.insert('assets', [
    {
      asset_id: 'asset-1', name: 'WKS-BER-0001', operating_system: 'Microsoft Windows 11 Enterprise 23H2', os_family: 'Windows',
      architecture: 'x64', ip_addresses: ['10.10.16.5', 'fe80::1', 'not-an-ip'], last_logged_on_user: 'CORP\\abecker',
      tags: ['Site-Berlin', 'Workstations'], activated_at: at, last_scan_at: at, last_scan_id: 's1', missing_count: 1,
      installed_count: 1, missing_critical_count: 1, missing_security_count: 1, updated_at: at, version: 1,
    },
    {
      asset_id: 'asset-2', name: "SRV-PUN-0001 'quoted'", operating_system: 'Microsoft Windows Server 2022 Standard 21H2', os_family: 'Windows',
      architecture: 'x64', ip_addresses: [], last_logged_on_user: '', tags: [], activated_at: at, last_scan_at: at, last_scan_id: 's2',
      missing_count: 0, installed_count: 0, missing_critical_count: 0, missing_security_count: 0, updated_at: at, version: 1,
    },
  ])
  await db.insert('patches', [
    {
      patch_id: 'chrome-1', qids: [379001, 379002], title: 'Google Chrome 120.0', vendor: 'Google', products: ['Google Chrome'],
      app_family: 'Chrome', kb: '', cves: ['CVE-2024-0001'], bulletin: '', category: 'Security Patches', vendor_severity: 'Critical',
      is_security: true, is_superseded: false, superseded_by: [], supersedes: [], reboot_required: false, download_method: 'Automatic',
      architecture: 'x64', published_at: at, modified_at: at, content_hash: 'h1', updated_at: at, version: 1,
    },
    {
      patch_id: 'msft-kb1', qids: [], title: 'Cumulative Update (KB5034441)', vendor: 'Microsoft', products: [], app_family: 'Windows',
      kb: 'KB5034441', cves: [], bulletin: 'MS17-010', category: 'Update Rollups', vendor_severity: 'Important', is_security: false,
      is_superseded: true, superseded_by: ['msft-kb2'], supersedes: [], reboot_required: true, download_method: 'Acquired',
      architecture: 'x64', published_at: at, modified_at: at, content_hash: 'h2', updated_at: at, version: 1,
    },
  ])
  await db.insert('findings', [
    { asset_id: 'asset-1', patch_id: 'chrome-1', status: 'Missing', first_seen_at: at, installed_at: null, changed_at: at, scan_id: 's1', version: 1, is_deleted: 0 },
    { asset_id: 'asset-1', patch_id: 'msft-kb1', status: 'Installed', first_seen_at: at, installed_at: at, changed_at: at, scan_id: 's1', version: 1, is_deleted: 0 },
  ])
  const job = {
    description: '', type: 'Install', status: 'Enabled', is_advisory: false, owner_id: 'u1', owner_email: 'alice@example.com',
    co_author_ids: [], co_author_emails: [], patch_ids: [], dynamic_patch_query: '', dynamic_query_version: 2, target_asset_ids: [],
    target_tags: [], target_tag_match: 'Any', exclusion_tags: [], schedule_type: 'On-demand', schedule: '', time_zone: '',
    patch_window_minutes: 0, options: '{}', created_at: at, updated_at: at, last_run_at: null, next_run_at: null, version: 1, is_deleted: 0,
  }
  await db.insert('jobs', [
    {
      ...job, job_id: 'job-1', name: "Weekly Chrome 'Berlin'", co_author_ids: ['u2'], co_author_emails: ['bob@example.com'],
      patch_ids: ['chrome-1', 'msft-kb1'], target_tags: ['Site-Berlin', 'Workstations'], target_tag_match: 'All', exclusion_tags: ['VIP'],
      schedule_type: 'Weekly', schedule: '{"days":["Tue"],"time":"02:00"}', time_zone: 'Europe/Berlin', patch_window_minutes: 240,
      last_run_at: at, next_run_at: '2026-01-20T02:00:00.000Z',
    },
    { ...job, job_id: 'job-2', name: 'Advisory: Chrome', status: 'Disabled', is_advisory: true, owner_email: 'sec@example.com', patch_ids: ['chrome-1'], schedule_type: '' },
    { ...job, job_id: 'job-3', name: 'Critical (dynamic)', type: 'Uninstall', dynamic_patch_query: 'vendorSeverity: Critical', target_asset_ids: ['asset-2'] },
    // Deleted: no query sees it.
    { ...job, job_id: 'job-4', name: 'Deleted job', target_tags: ['Site-Deleted'], version: 1, is_deleted: 0 },
    { ...job, job_id: 'job-4', name: 'Deleted job', target_tags: ['Site-Deleted'], version: 2, is_deleted: 1 },
  ])
}

/** Values that exercise every compiled shape of a token type: equality, wildcards, lists, ranges, comparisons. */
function sampleClauses(token: QqlToken): string[] {
  const name = token.name
  switch (token.elementType) {
    case 'text':
    case 'keyword':
      return [`${name}: chrome`, `${name}: "a phrase"`, `${name}: \`Exact\``, `${name} = exact`, `${name}: chr*me*`, `${name}: [a, "b c", \`D\`]`]
    case 'enum':
      return [`${name}: "${token.values?.[0]}"`, `${name}: [${(token.values ?? []).map((value) => `"${value}"`).join(', ')}]`]
    case 'boolean':
      return [`${name}: true`, `${name} = false`]
    case 'integer':
      return [`${name}: 0`, `${name} > 5`, `${name} <= 3`, `${name}: [1 .. 3]`, `${name}: (1 .. 300)`, `${name}: [1, 2, 3]`]
    case 'date':
      return [
        `${name}: now-30d`,
        `${name} > now-2w`,
        `${name} <= now`,
        `${name}: 2026-01`,
        `${name}: 2026-01-15`,
        `${name} < 2026-01-15T10:00`,
        `${name} >= 2026-01-15T10:00:30.250+02:00`,
        `${name}: [2026-01-01 .. 2026-01-31T23:59Z]`,
        `${name}: (now-1y .. now+1d)`,
      ]
    case 'ip':
      return [`${name}: 10.10.16.5`, `${name}: 10.0.0.0/8`, `${name}: "fe80::/10"`, `${name}: "::1"`, `${name}: 10.10.*`]
  }
}

/** Every token of every entity (current version), each with the clauses of its type. */
const REGISTRY_CASES: Case[] = ENTITIES.flatMap((entity) =>
  tokensFor(entity).flatMap((token) => sampleClauses(token).map((query) => ({ entity, query, user: BERLIN_SITE }))),
)

const COMBINATION_CASES: Case[] = [
  { entity: 'assets', query: '' },
  { entity: 'assets', query: 'osFamily: Windows and missingCriticalCount > 0' },
  { entity: 'assets', query: 'tags.name: Site-Berlin or tags.name: [Servers, VIP]' },
  { entity: 'assets', query: 'patch.vendorSeverity: Critical and patch.status: Missing' },
  { entity: 'assets', query: 'NOT patch.title: chrome' },
  { entity: 'assets', query: 'NOT (patch.vendorSeverity: Critical or patch.isSecurity: true) and name: WKS-BER*' },
  { entity: 'assets', query: 'patch.status: Missing or patch.firstSeenDate > now-2d or missingPatchCount: 0' },
  { entity: 'assets', query: '(patch.cve: CVE-2024* and patch.status: Missing) or (NOT patch.kb: KB5034441 and osFamily: Linux)' },
  { entity: 'assets', query: 'patch.status: Missing patch.vendor: Google scanDateTime > now-2d interfaces.address: 10.10.0.0/16' },
  { entity: 'assets', query: 'patch.installedDate: [2026-01-01 .. 2026-01-31] and NOT NOT patch.qid: 379001' },
  { entity: 'assets', query: 'scanStatus: "Not Scanned Recently" or activatedDate < now-1y' },
  { entity: 'assets', query: 'name: a OR name: b AND NOT name: c OR (patch.title: x AND (patch.title: y OR tags.name: z))' },
  { entity: 'assets', query: 'patch.status: Missing', user: NO_TAGS },
  { entity: 'assets', query: 'scanDateTime: 2026-01-15', user: UNKNOWN_ZONE },
  { entity: 'patches', query: '' },
  { entity: 'patches', query: 'missingCount > 3' },
  { entity: 'patches', query: 'missingCount < 3 and installedCount: 0' },
  { entity: 'patches', query: 'missingCount: [1 .. 10] or installedCount >= 100', user: BERLIN_SITE },
  { entity: 'patches', query: 'vendorSeverity: [Critical, Important] and isSuperseded: false' },
  { entity: 'patches', query: 'NOT (title: chrome or vendor: Mozilla) and publishedDate > now-1M' },
  { entity: 'patches', query: 'missingCount > 0', user: NO_TAGS },
  { entity: 'findings', query: '' },
  { entity: 'findings', query: 'status: Missing and patch.vendorSeverity: Critical and asset.tags.name: Site-Pune' },
  { entity: 'findings', query: 'NOT status: Installed or (installedDate > now-7d and asset.name: SRV*)', user: BERLIN_SITE },
  { entity: 'findings', query: 'firstSeenDate: [2026-01-01 .. now] and patch.qid: [379001, 379002] and asset.interfaces.address: "fe80::/10"' },
  { entity: 'findings', query: 'status: Missing', user: NO_TAGS },
  { entity: 'jobs', query: '' },
  { entity: 'jobs', query: 'status: Enabled and isPartiallyConfigured: false and (owner: alice* or coAuthor: alice*)' },
  { entity: 'jobs', query: 'NOT (isAdvisory: true or isDynamic: true) and patchCount: [1 .. 2000] and nextRunDate < now+7d' },
  { entity: 'jobs', query: 'targetTag: Site-Berlin and NOT exclusionTag: VIP and targetTagMatch: All', user: NO_TAGS },
  { entity: 'jobs', query: 'scheduleType: [Weekly, "Patch Tuesday"] or lastRunDate: 2026-01-15', user: BERLIN_SITE },
]

const VERSION_1_CASES: Case[] = [
  { entity: 'assets', query: 'os: windows and patch.isLatest: true', version: 1 },
  { entity: 'assets', query: 'patch.severity: [High, Medium] and NOT patch.isLatest: true', version: 1 },
  { entity: 'assets', query: 'patch.qid: 379001 or patch.isLatest: false', version: 1 },
  { entity: 'patches', query: 'isLatest: true', version: 1 },
  { entity: 'patches', query: 'severity: [Critical, High] or qid: [379001, 379002]', version: 1 },
  { entity: 'patches', query: 'qid > 379000 and missingCount > 2', version: 1 },
  { entity: 'findings', query: 'asset.os: "Windows 11" and patch.severity: Medium and status: Missing', version: 1 },
  { entity: 'findings', query: 'patch.isLatest: true or asset.os: server', version: 1 },
  { entity: 'jobs', query: 'status: Enabled and targetTag: Prod', version: 1 },
]

const HOSTILE_VALUES = [
  "'",
  "' OR '1'='1",
  "'; DROP TABLE assets; --",
  '"; SELECT 1; --',
  '\\',
  'a\\\\b\\',
  '{x:String}',
  '{q1:String}',
  '{scopeTags:Array(String)}',
  '}) OR 1=1 --',
  '/* comment */ --',
  "') UNION SELECT password_hash FROM users --",
  '%_%',
  'line\nbreak\r\n\ttab',
  '\u0000nul',
  'ﾟ∀ﾟ 漢字 العربية 😀 \u202eright-to-left \u200b',
  `${'x'.repeat(4_990)}';--\\`,
]

/** The three ways of writing a value; each reads back exactly the same value. */
const WRITE_VALUE: Record<string, (value: string) => string> = {
  bare: (value) => value.replace(/[^A-Za-z0-9]/g, '\\$&'),
  phrase: (value) => `"${value.replace(/["\\]/g, '\\$&')}"`,
  exact: (value) => `\`${value.replace(/[`\\]/g, '\\$&')}\``,
}

const HOSTILE_TOKENS: Record<Entity, string[]> = {
  assets: ['name', 'tags.name', 'patch.title', 'patch.cve'],
  patches: ['title', 'product', 'kb'],
  findings: ['asset.lastLoggedOnUser', 'patch.vendor', 'asset.tags.name'],
  jobs: ['name', 'owner', 'targetTag'],
  audit: ['actor', 'text', 'action'],
}

const HOSTILE_CASES: Case[] = ENTITIES.flatMap((entity) =>
  HOSTILE_TOKENS[entity].flatMap((token) =>
    HOSTILE_VALUES.flatMap((value, index) => {
      const write = Object.values(WRITE_VALUE)[index % 3]
      // A 5,000-character value is used once per clause: the query stays under MAX_QUERY_LENGTH.
      const query = value.length > 1_000 ? `${token}: ${write(value)}` : `${token}: ${write(value)} OR NOT ${token}: [${write(value)}, ${write(value)}]`
      return [{ entity, query, user: BERLIN_SITE }]
    }),
  ),
)

let db: Database
let close: () => Promise<void>
beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  await insertSampleRows(db)
})
afterAll(async () => close())

function describeCase({ entity, query, version }: Case): string {
  const shown = query.length > 120 ? `${query.slice(0, 60)}…(${query.length} chars)` : query
  return `${entity}${version === undefined ? '' : ` v${version}`}: ${JSON.stringify(shown)}`
}

/** Compiles a case and counts its rows on the engine; throws (failing the test) on a compile or engine error. */
async function runCase({ entity, query, user = EVERYONE, version }: Case): Promise<number> {
  const result = compileQql({ query, entity, user, version })
  if (!result.ok) throw new Error(`does not compile: ${result.errors.map((error) => error.message).join('; ')}`)
  const [row] = await db.query<{ total: number }>(`SELECT toUInt32(count()) AS total FROM ${ENTITY_SOURCES[entity]} WHERE ${result.where}`, result.params)
  return row.total
}

describe('compiled QQL runs on the engine', () => {
  it('covers the registry and the hostile values broadly', () => {
    expect(REGISTRY_CASES.length).toBeGreaterThan(200)
    expect(HOSTILE_CASES.length).toBeGreaterThan(150)
  })

  it.each(REGISTRY_CASES.map((testCase) => [describeCase(testCase), testCase] as const))('every token: %s', async (_, testCase) => {
    expect(await runCase(testCase)).toBeGreaterThanOrEqual(0)
  })

  it.each(COMBINATION_CASES.map((testCase) => [describeCase(testCase), testCase] as const))('combinations: %s', async (_, testCase) => {
    expect(await runCase(testCase)).toBeGreaterThanOrEqual(0)
  })

  it.each(VERSION_1_CASES.map((testCase) => [describeCase(testCase), testCase] as const))('version 1: %s', async (_, testCase) => {
    expect(await runCase(testCase)).toBeGreaterThanOrEqual(0)
  })

  it.each(HOSTILE_CASES.map((testCase) => [describeCase(testCase), testCase] as const))('hostile value: %s', async (_, testCase) => {
    expect(await runCase(testCase)).toBeGreaterThanOrEqual(0)
  })

  it('matches the sample rows as written, hostile characters included', async () => {
    expect(await runCase({ entity: 'assets', query: `name: ${WRITE_VALUE.phrase("'quoted'")}` })).toBe(1)
    expect(await runCase({ entity: 'assets', query: 'lastLoggedOnUser: `CORP\\\\abecker`' })).toBe(1)
    expect(await runCase({ entity: 'assets', query: 'interfaces.address: "fe80::/10"' })).toBe(1)
    expect(await runCase({ entity: 'assets', query: 'patch.qid: 379002 and patch.status: Missing' })).toBe(1)
    expect(await runCase({ entity: 'assets', query: 'NOT patch.title: chrome' })).toBe(1)
    expect(await runCase({ entity: 'patches', query: 'missingCount: 0' })).toBe(1)
    expect(await runCase({ entity: 'findings', query: 'installedDate: 2026-01-15' })).toBe(1)
    expect(await runCase({ entity: 'findings', query: 'status: Missing', user: BERLIN_SITE })).toBe(1)
    expect(await runCase({ entity: 'findings', query: '', user: NO_TAGS })).toBe(0)
  })

  it('reads jobs as a user would expect: current rows only, no tag scope', async () => {
    expect(await runCase({ entity: 'jobs', query: '' })).toBe(3)
    expect(await runCase({ entity: 'jobs', query: '', user: NO_TAGS })).toBe(3)
    expect(await runCase({ entity: 'jobs', query: 'targetTag: Site-Deleted' })).toBe(0)
    expect(await runCase({ entity: 'jobs', query: `name: ${WRITE_VALUE.phrase("'Berlin'")}` })).toBe(1)
    // job-1 has patches, tags and a weekly schedule; job-2 (advisory) has no targets; job-3 is dynamic and on demand.
    expect(await runCase({ entity: 'jobs', query: 'isPartiallyConfigured: true' })).toBe(1)
    expect(await runCase({ entity: 'jobs', query: 'isPartiallyConfigured: false' })).toBe(2)
    expect(await runCase({ entity: 'jobs', query: 'isDynamic: true and patchCount: 0 and type: Uninstall' })).toBe(1)
    expect(await runCase({ entity: 'jobs', query: 'patchCount >= 1' })).toBe(2)
    expect(await runCase({ entity: 'jobs', query: 'isAdvisory: true and status: Disabled' })).toBe(1)
    expect(await runCase({ entity: 'jobs', query: 'coAuthor: BOB@example.com and exclusionTag: vip and timeZone: europe/berlin' })).toBe(1)
    expect(await runCase({ entity: 'jobs', query: 'lastRunDate: 2026-01-15' })).toBe(1)
    expect(await runCase({ entity: 'jobs', query: 'nextRunDate: [2026-01-20 .. 2026-01-20]', user: BERLIN_SITE })).toBe(1)
  })
})

describe('value suggestions run on the engine', () => {
  const VALUE_TOKENS = ENTITIES.flatMap((entity) => tokensFor(entity).filter((token) => token.valueSource !== null).map((token) => [entity, token.name] as const))

  it.each(VALUE_TOKENS)('%s %s', async (entity, token) => {
    const lookup = valueSuggestionQuery({ entity, token, prefix: "a'", user: BERLIN_SITE })
    if (lookup === null) throw new Error('no value query')
    expect(await db.query(lookup.sql, lookup.params)).toEqual([])
  })

  it('offers the values of current jobs only', async () => {
    const values = async (token: string, prefix: string) => {
      const lookup = valueSuggestionQuery({ entity: 'jobs', token, prefix, user: NO_TAGS })
      if (lookup === null) throw new Error('no value query')
      return (await db.query<{ value: string }>(lookup.sql, lookup.params)).map((row) => row.value)
    }
    expect(await values('targetTag', 'site')).toEqual(['Site-Berlin'])
    expect(await values('owner', '')).toEqual(['alice@example.com', 'sec@example.com'])
    expect(await values('name', 'a')).toEqual(['Advisory: Chrome'])
  })
})
