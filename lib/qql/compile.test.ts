// Compiler tests: exact SQL and parameters per entity, tag scope injection, semi-joins, counts, dates, versions, value lookups.
import { describe, expect, it } from 'vitest'
import { assetScopeCondition, compileQql, ENTITY_SOURCES, parseQql, valueSuggestionQuery, type Entity, type QqlUser } from './index'

const EVERYONE: QqlUser = { scope: { all: true, tags: [] }, timeZone: 'UTC' }
const PROD_ONLY: QqlUser = { scope: { all: false, tags: ['Prod', 'EU'] }, timeZone: 'UTC' }
const NO_TAGS: QqlUser = { scope: { all: false, tags: [] }, timeZone: 'UTC' }
const PARIS: QqlUser = { scope: { all: true, tags: [] }, timeZone: 'Europe/Paris' }

function compiled(query: string, entity: Entity = 'assets', user: QqlUser = EVERYONE, version?: number) {
  const result = compileQql({ query, entity, user, version })
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'))
  return { where: result.where, params: result.params, warnings: result.warnings }
}

const SEMI_JOIN =
  'a.asset_id IN (SELECT f.asset_id FROM findings AS f FINAL INNER JOIN patches AS p FINAL ON p.patch_id = f.patch_id WHERE f.is_deleted = 0 AND'
const DAY = "DateTime64(3, 'UTC')"

describe('compileQql: asset tokens', () => {
  it.each<[string, string, Record<string, unknown>]>([
    ['', '1', {}],
    ['name: web', 'a.name ILIKE {q1:String}', { q1: '%web%' }],
    ['name: "web server"', 'a.name ILIKE {q1:String}', { q1: '%web server%' }],
    ['name: web*01', 'a.name ILIKE {q1:String}', { q1: 'web%01' }],
    ['name: `web-01`', 'a.name = {q1:String}', { q1: 'web-01' }],
    ['name = web-01', 'a.name = {q1:String}', { q1: 'web-01' }],
    ['name: 100%_done\\\\', 'a.name ILIKE {q1:String}', { q1: '%100\\%\\_done\\\\%' }],
    ['name: a\\*b*', 'a.name ILIKE {q1:String}', { q1: 'a*b%' }],
    ['id: ABC', 'a.asset_id ILIKE {q1:String}', { q1: 'ABC' }],
    ['osFamily: linux', 'a.os_family = {q1:String}', { q1: 'Linux' }],
    ['osFamily: [Windows, macos]', 'a.os_family = {q1:String} OR a.os_family = {q2:String}', { q1: 'Windows', q2: 'macOS' }],
    ['tags.name: prod', 'arrayExists(x -> x ILIKE {q1:String}, a.tags)', { q1: 'prod' }],
    ['tags.name: [a, `B`]', 'arrayExists(x -> x ILIKE {q1:String} OR x = {q2:String}, a.tags)', { q1: 'a', q2: 'B' }],
    ['interfaces.address: 10.0.0.5', 'arrayExists(x -> x = {q1:String}, a.ip_addresses)', { q1: '10.0.0.5' }],
    [
      'interfaces.address: 10.0.0.0/8',
      'arrayExists(x -> if(isIPv4String(x) OR isIPv6String(x), isIPAddressInRange(x, {q1:String}), 0), a.ip_addresses)',
      { q1: '10.0.0.0/8' },
    ],
    ['interfaces.address: 10.0.*', 'arrayExists(x -> x ILIKE {q1:String}, a.ip_addresses)', { q1: '10.0.%' }],
    ['missingPatchCount > 5', 'a.missing_count > {q1:Int64}', { q1: 5 }],
    ['missingPatchCount: 0', 'a.missing_count = {q1:Int64}', { q1: 0 }],
    ['missingPatchCount: [1 .. 3]', 'a.missing_count >= {q1:Int64} AND a.missing_count <= {q2:Int64}', { q1: 1, q2: 3 }],
    ['missingPatchCount: (1 .. 3)', 'a.missing_count > {q1:Int64} AND a.missing_count < {q2:Int64}', { q1: 1, q2: 3 }],
    ['missingCriticalCount: [1, 2]', 'a.missing_critical_count = {q1:Int64} OR a.missing_critical_count = {q2:Int64}', { q1: 1, q2: 2 }],
    [
      'scanStatus: "not scanned recently"',
      "if(a.last_scan_at >= now64(3, 'UTC') - toIntervalDay(2), 'Scanned', 'Not Scanned Recently') = {q1:String}",
      { q1: 'Not Scanned Recently' },
    ],
    ['scanDateTime: now-30d', "a.last_scan_at >= now64(3, 'UTC') - toIntervalDay({q1:Int64})", { q1: 30 }],
    ['scanDateTime < now-1M', "a.last_scan_at < now64(3, 'UTC') - toIntervalMonth({q1:Int64})", { q1: 1 }],
    ['scanDateTime > now-2w', "a.last_scan_at > now64(3, 'UTC') - toIntervalWeek({q1:Int64})", { q1: 2 }],
    ['scanDateTime >= now-12h', "a.last_scan_at >= now64(3, 'UTC') - toIntervalHour({q1:Int64})", { q1: 12 }],
    ['scanDateTime <= now', "a.last_scan_at <= now64(3, 'UTC')", {}],
    ['scanDateTime: 2026-01-31', `a.last_scan_at >= {q1:${DAY}} AND a.last_scan_at < {q2:${DAY}}`, { q1: '2026-01-31 00:00:00.000', q2: '2026-02-01 00:00:00.000' }],
    ['scanDateTime > 2026-01-31', `a.last_scan_at >= {q1:${DAY}}`, { q1: '2026-02-01 00:00:00.000' }],
    ['scanDateTime >= 2026-01-31', `a.last_scan_at >= {q1:${DAY}}`, { q1: '2026-01-31 00:00:00.000' }],
    ['scanDateTime < 2026-01-31', `a.last_scan_at < {q1:${DAY}}`, { q1: '2026-01-31 00:00:00.000' }],
    ['scanDateTime <= 2026-01-31', `a.last_scan_at < {q1:${DAY}}`, { q1: '2026-02-01 00:00:00.000' }],
    ['scanDateTime: 2026-02', `a.last_scan_at >= {q1:${DAY}} AND a.last_scan_at < {q2:${DAY}}`, { q1: '2026-02-01 00:00:00.000', q2: '2026-03-01 00:00:00.000' }],
    ['scanDateTime: 2026-01-31T10:00', `a.last_scan_at >= {q1:${DAY}} AND a.last_scan_at < {q2:${DAY}}`, { q1: '2026-01-31 10:00:00.000', q2: '2026-01-31 10:01:00.000' }],
    [
      'scanDateTime: [2026-01-01 .. 2026-01-31]',
      `a.last_scan_at >= {q1:${DAY}} AND a.last_scan_at < {q2:${DAY}}`,
      { q1: '2026-01-01 00:00:00.000', q2: '2026-02-01 00:00:00.000' },
    ],
    [
      'scanDateTime: (2026-01-01 .. 2026-01-31)',
      `a.last_scan_at >= {q1:${DAY}} AND a.last_scan_at < {q2:${DAY}}`,
      { q1: '2026-01-02 00:00:00.000', q2: '2026-01-31 00:00:00.000' },
    ],
    [
      'activatedDate: [now-1y .. now+1d]',
      "a.activated_at >= now64(3, 'UTC') - toIntervalYear({q1:Int64}) AND a.activated_at <= now64(3, 'UTC') + toIntervalDay({q2:Int64})",
      { q1: 1, q2: 1 },
    ],
    ['name: a OR name: b AND NOT name: c', 'a.name ILIKE {q1:String} OR a.name ILIKE {q2:String} AND NOT (a.name ILIKE {q3:String})', { q1: '%a%', q2: '%b%', q3: '%c%' }],
    ['(name: a OR name: b) name: c', '(a.name ILIKE {q1:String} OR a.name ILIKE {q2:String}) AND a.name ILIKE {q3:String}', { q1: '%a%', q2: '%b%', q3: '%c%' }],
  ])('%s', (query, where, params) => {
    expect(compiled(query)).toEqual({ where, params, warnings: [] })
  })
})

describe('compileQql: patch.* tokens in the asset view', () => {
  it('gathers ANDed patch criteria into one semi-join on current findings', () => {
    expect(compiled('patch.vendorSeverity: critical AND patch.status: Missing AND patch.title: chrome')).toEqual({
      where: `${SEMI_JOIN} p.vendor_severity = {q1:String} AND f.status = {q2:String} AND p.title ILIKE {q3:String})`,
      params: { q1: 'Critical', q2: 'Missing', q3: '%chrome%' },
      warnings: [],
    })
  })

  it('combines freely with asset tokens, keeping the group where its first criterion stood', () => {
    expect(compiled('name: web patch.status: Missing osFamily: Windows patch.isSuperseded: false').where).toBe(
      `a.name ILIKE {q1:String} AND ${SEMI_JOIN} f.status = {q2:String} AND p.is_superseded = {q3:Bool}) AND a.os_family = {q4:String}`,
    )
  })

  it('puts an OR of patch criteria inside one semi-join', () => {
    expect(compiled('(patch.vendor: google OR patch.vendor: mozilla) AND patch.status: Missing').where).toBe(
      `${SEMI_JOIN} (p.vendor ILIKE {q1:String} OR p.vendor ILIKE {q2:String}) AND f.status = {q3:String})`,
    )
    expect(compiled('patch.kb: KB1 OR patch.kb: KB2').where).toBe(`${SEMI_JOIN} (p.kb ILIKE {q1:String} OR p.kb ILIKE {q2:String}))`)
  })

  it('reads NOT of a patch clause as "has no such finding"', () => {
    expect(compiled('NOT patch.status: Missing').where).toBe(`NOT (${SEMI_JOIN} f.status = {q1:String}))`)
    expect(compiled('patch.status: Missing AND NOT patch.vendorSeverity: Low').where).toBe(
      `${SEMI_JOIN} f.status = {q1:String}) AND NOT (${SEMI_JOIN} p.vendor_severity = {q2:String}))`,
    )
  })

  it('keeps a mixed OR as separate conditions', () => {
    expect(compiled('name: db OR patch.cve: CVE-2024-1').where).toBe(`a.name ILIKE {q1:String} OR ${SEMI_JOIN} arrayExists(x -> x ILIKE {q2:String}, p.cves))`)
  })

  it('compiles patch arrays and dates inside the semi-join', () => {
    expect(compiled('patch.qid: 100 patch.firstSeenDate < now-30d')).toEqual({
      where: `${SEMI_JOIN} arrayExists(x -> x = {q1:Int64}, p.qids) AND f.first_seen_at < now64(3, 'UTC') - toIntervalDay({q2:Int64}))`,
      params: { q1: 100, q2: 30 },
      warnings: [],
    })
  })
})

describe('compileQql: tag scope', () => {
  it('injects the scope into every asset query', () => {
    expect(compiled('name: web', 'assets', PROD_ONLY)).toEqual({
      where: 'hasAny(a.tags, {scopeTags:Array(String)}) AND a.name ILIKE {q1:String}',
      params: { scopeTags: ['Prod', 'EU'], q1: '%web%' },
      warnings: [],
    })
    expect(compiled('', 'assets', PROD_ONLY).where).toBe('hasAny(a.tags, {scopeTags:Array(String)})')
  })

  it('keeps an OR query inside parentheses after the scope', () => {
    expect(compiled('name: a OR name: b', 'assets', PROD_ONLY).where).toBe(
      'hasAny(a.tags, {scopeTags:Array(String)}) AND (a.name ILIKE {q1:String} OR a.name ILIKE {q2:String})',
    )
  })

  it('compiles an empty scope to 0: the user sees nothing', () => {
    expect(compiled('name: web', 'assets', NO_TAGS)).toEqual({ where: '0', params: {}, warnings: [] })
    expect(compiled('status: Missing', 'findings', NO_TAGS)).toEqual({ where: '0', params: {}, warnings: [] })
  })

  it('scopes findings through their asset', () => {
    expect(compiled('status: missing', 'findings', PROD_ONLY)).toEqual({
      where: 'f.is_deleted = 0 AND hasAny(a.tags, {scopeTags:Array(String)}) AND f.status = {q1:String}',
      params: { scopeTags: ['Prod', 'EU'], q1: 'Missing' },
      warnings: [],
    })
  })

  it('leaves the patch catalog global but counts only in-scope assets', () => {
    expect(compiled('title: chrome', 'patches', PROD_ONLY)).toEqual({ where: 'p.title ILIKE {q1:String}', params: { q1: '%chrome%' }, warnings: [] })
    expect(compiled('missingCount > 5', 'patches', PROD_ONLY)).toEqual({
      where:
        "p.patch_id IN (SELECT f.patch_id FROM findings AS f FINAL INNER JOIN assets AS a FINAL ON a.asset_id = f.asset_id WHERE f.is_deleted = 0 AND f.status = 'Missing' AND hasAny(a.tags, {scopeTags:Array(String)}) GROUP BY f.patch_id HAVING count() > {q1:Int64})",
      params: { q1: 5, scopeTags: ['Prod', 'EU'] },
      warnings: [],
    })
    expect(compiled('installedCount >= 1', 'patches', NO_TAGS).where).toBe(
      "p.patch_id IN (SELECT f.patch_id FROM findings AS f FINAL INNER JOIN assets AS a FINAL ON a.asset_id = f.asset_id WHERE f.is_deleted = 0 AND f.status = 'Installed' AND 0 GROUP BY f.patch_id HAVING count() >= {q1:Int64})",
    )
  })
})

describe('compileQql: patches', () => {
  const GROUPED_MISSING = "SELECT f.patch_id FROM findings AS f FINAL WHERE f.is_deleted = 0 AND f.status = 'Missing' GROUP BY f.patch_id"

  it.each<[string, string, Record<string, unknown>]>([
    ['missingCount > 5', `p.patch_id IN (${GROUPED_MISSING} HAVING count() > {q1:Int64})`, { q1: 5 }],
    ['missingCount: [1 .. 10]', `p.patch_id IN (${GROUPED_MISSING} HAVING count() >= {q1:Int64} AND count() <= {q2:Int64})`, { q1: 1, q2: 10 }],
    // Zero passes these tests, and patches without findings are absent from the grouped subquery: NOT IN the failures.
    ['missingCount: 0', `p.patch_id NOT IN (${GROUPED_MISSING} HAVING NOT (count() = {q1:Int64}))`, { q1: 0 }],
    ['missingCount < 3', `p.patch_id NOT IN (${GROUPED_MISSING} HAVING NOT (count() < {q1:Int64}))`, { q1: 3 }],
    ['missingCount: [0, 5]', `p.patch_id NOT IN (${GROUPED_MISSING} HAVING NOT (count() = {q1:Int64} OR count() = {q2:Int64}))`, { q1: 0, q2: 5 }],
    ['vendorSeverity: [critical, Important]', 'p.vendor_severity = {q1:String} OR p.vendor_severity = {q2:String}', { q1: 'Critical', q2: 'Important' }],
    ['isSuperseded: FALSE AND rebootRequired: true', 'p.is_superseded = {q1:Bool} AND p.reboot_required = {q2:Bool}', { q1: false, q2: true }],
    ['qid > 100', 'arrayExists(x -> x > {q1:Int64}, p.qids)', { q1: 100 }],
    ['cve: CVE-2024-*', 'arrayExists(x -> x ILIKE {q1:String}, p.cves)', { q1: 'CVE-2024-%' }],
    ['product: chrome', 'arrayExists(x -> x ILIKE {q1:String}, p.products)', { q1: '%chrome%' }],
    ['category: "update rollups"', 'p.category = {q1:String}', { q1: 'Update Rollups' }],
    ['downloadMethod: acquired', 'p.download_method = {q1:String}', { q1: 'Acquired' }],
    ['kb: kb5034441', 'p.kb ILIKE {q1:String}', { q1: 'kb5034441' }],
    ['bulletin: MS17-010 appFamily: chrome architecture: x64', 'p.bulletin ILIKE {q1:String} AND p.app_family ILIKE {q2:String} AND p.architecture ILIKE {q3:String}', { q1: 'MS17-010', q2: 'chrome', q3: 'x64' }],
  ])('%s', (query, where, params) => {
    expect(compiled(query, 'patches')).toEqual({ where, params, warnings: [] })
  })
})

describe('compileQql: findings', () => {
  it('reads asset tokens under asset., patch tokens under patch., and finding tokens bare', () => {
    expect(compiled('asset.name: web AND patch.vendorSeverity: Critical AND status: Missing AND installedDate > now-7d', 'findings')).toEqual({
      where:
        "f.is_deleted = 0 AND a.name ILIKE {q1:String} AND p.vendor_severity = {q2:String} AND f.status = {q3:String} AND f.installed_at > now64(3, 'UTC') - toIntervalDay({q4:Int64})",
      params: { q1: '%web%', q2: 'Critical', q3: 'Missing', q4: 7 },
      warnings: [],
    })
  })

  it('compiles against the documented source', () => {
    expect(ENTITY_SOURCES).toEqual({
      assets: 'assets AS a FINAL',
      patches: 'patches AS p FINAL',
      findings:
        'findings AS f FINAL INNER JOIN assets AS a FINAL ON a.asset_id = f.asset_id INNER JOIN patches AS p FINAL ON p.patch_id = f.patch_id',
      jobs: 'jobs AS j FINAL',
      audit: 'audit_log AS l',
    })
    expect(compiled('', 'findings').where).toBe('f.is_deleted = 0')
  })
})

describe('compileQql: jobs', () => {
  const LIVE = 'j.is_deleted = 0'
  const PARTIALLY_CONFIGURED =
    "((empty(j.patch_ids) AND empty(j.dynamic_patch_query)) OR (empty(j.target_asset_ids) AND empty(j.target_tags)) OR (j.schedule_type != 'On-demand' AND empty(j.schedule)))"

  it.each<[string, string, Record<string, unknown>]>([
    ['', LIVE, {}],
    ['id: job-1', `${LIVE} AND j.job_id ILIKE {q1:String}`, { q1: 'job-1' }],
    ['name: chrome', `${LIVE} AND j.name ILIKE {q1:String}`, { q1: '%chrome%' }],
    ['name = `Monthly Chrome`', `${LIVE} AND j.name = {q1:String}`, { q1: 'Monthly Chrome' }],
    ['description: "patch tuesday"', `${LIVE} AND j.description ILIKE {q1:String}`, { q1: '%patch tuesday%' }],
    ['status: enabled', `${LIVE} AND j.status = {q1:String}`, { q1: 'Enabled' }],
    ['status: [Disabled, completed]', `${LIVE} AND (j.status = {q1:String} OR j.status = {q2:String})`, { q1: 'Disabled', q2: 'Completed' }],
    ['type: uninstall', `${LIVE} AND j.type = {q1:String}`, { q1: 'Uninstall' }],
    ['scheduleType: "patch tuesday"', `${LIVE} AND j.schedule_type = {q1:String}`, { q1: 'Patch Tuesday' }],
    ['scheduleType: on-demand', `${LIVE} AND j.schedule_type = {q1:String}`, { q1: 'On-demand' }],
    ['targetTagMatch: all', `${LIVE} AND j.target_tag_match = {q1:String}`, { q1: 'All' }],
    ['owner: Alice@Example.com', `${LIVE} AND j.owner_email ILIKE {q1:String}`, { q1: 'Alice@Example.com' }],
    ['owner: *@example.com', `${LIVE} AND j.owner_email ILIKE {q1:String}`, { q1: '%@example.com' }],
    ['coAuthor: bob@example.com', `${LIVE} AND arrayExists(x -> x ILIKE {q1:String}, j.co_author_emails)`, { q1: 'bob@example.com' }],
    ['isAdvisory: true', `${LIVE} AND j.is_advisory = {q1:Bool}`, { q1: true }],
    ['isPartiallyConfigured: true', `${LIVE} AND ${PARTIALLY_CONFIGURED} = {q1:Bool}`, { q1: true }],
    ['isDynamic = false', `${LIVE} AND notEmpty(j.dynamic_patch_query) = {q1:Bool}`, { q1: false }],
    ['patchCount > 10', `${LIVE} AND length(j.patch_ids) > {q1:Int64}`, { q1: 10 }],
    ['patchCount: [1 .. 5]', `${LIVE} AND length(j.patch_ids) >= {q1:Int64} AND length(j.patch_ids) <= {q2:Int64}`, { q1: 1, q2: 5 }],
    ['targetTag: [Prod, `EU`]', `${LIVE} AND arrayExists(x -> x ILIKE {q1:String} OR x = {q2:String}, j.target_tags)`, { q1: 'Prod', q2: 'EU' }],
    ['targetAsset: asset-7', `${LIVE} AND arrayExists(x -> x ILIKE {q1:String}, j.target_asset_ids)`, { q1: 'asset-7' }],
    ['exclusionTag: vip*', `${LIVE} AND arrayExists(x -> x ILIKE {q1:String}, j.exclusion_tags)`, { q1: 'vip%' }],
    ['timeZone: Europe/Paris', `${LIVE} AND j.time_zone ILIKE {q1:String}`, { q1: 'Europe/Paris' }],
    ['createdDate: 2026-01-31', `${LIVE} AND j.created_at >= {q1:${DAY}} AND j.created_at < {q2:${DAY}}`, { q1: '2026-01-31 00:00:00.000', q2: '2026-02-01 00:00:00.000' }],
    ['updatedDate > now-7d', `${LIVE} AND j.updated_at > now64(3, 'UTC') - toIntervalDay({q1:Int64})`, { q1: 7 }],
    ['lastRunDate < now-1M', `${LIVE} AND j.last_run_at < now64(3, 'UTC') - toIntervalMonth({q1:Int64})`, { q1: 1 }],
    ['nextRunDate <= now+1d', `${LIVE} AND j.next_run_at <= now64(3, 'UTC') + toIntervalDay({q1:Int64})`, { q1: 1 }],
    [
      'status: Enabled AND (type: Install OR isAdvisory: true) AND NOT isPartiallyConfigured: true',
      `${LIVE} AND j.status = {q1:String} AND (j.type = {q2:String} OR j.is_advisory = {q3:Bool}) AND NOT (${PARTIALLY_CONFIGURED} = {q4:Bool})`,
      { q1: 'Enabled', q2: 'Install', q3: true, q4: true },
    ],
  ])('%s', (query, where, params) => {
    expect(compiled(query, 'jobs')).toEqual({ where, params, warnings: [] })
  })

  it('injects no tag scope: which jobs a user sees is decided by role and ownership, in the Jobs repository', () => {
    expect(compiled('targetTag: Prod', 'jobs', PROD_ONLY)).toEqual({
      where: `${LIVE} AND arrayExists(x -> x ILIKE {q1:String}, j.target_tags)`,
      params: { q1: 'Prod' },
      warnings: [],
    })
    // A user without tags sees no assets, but still the jobs their role and ownership allow.
    expect(compiled('status: Enabled', 'jobs', NO_TAGS)).toEqual({ where: `${LIVE} AND j.status = {q1:String}`, params: { q1: 'Enabled' }, warnings: [] })
  })

  it('has no asset or patch tokens', () => {
    expect(parseQql('patch.title: chrome', { entity: 'jobs' }).errors[0].message).toBe('unknown token `patch.title` for jobs at 0')
    expect(parseQql('scheduleType: Hourly', { entity: 'jobs' }).errors[0].message).toBe(
      '`Hourly` is not a value of `scheduleType` at 14, expected one of On-demand, Once, Daily, Weekly, Monthly, Patch Tuesday',
    )
  })

  it('reads job dates in the user time zone', () => {
    expect(compiled('nextRunDate: 2026-01-31', 'jobs', PARIS).params).toEqual({ q1: '2026-01-30 23:00:00.000', q2: '2026-01-31 23:00:00.000' })
  })

  it('compiles a version-1 jobs query under the same names', () => {
    expect(compiled('owner: a@b.c AND status: Disabled', 'jobs', EVERYONE, 1)).toEqual({
      where: `${LIVE} AND j.owner_email ILIKE {q1:String} AND j.status = {q2:String}`,
      params: { q1: 'a@b.c', q2: 'Disabled' },
      warnings: [],
    })
  })
})

describe('valueSuggestionQuery', () => {
  it('reads job values from current jobs, without a tag scope', () => {
    expect(valueSuggestionQuery({ entity: 'jobs', token: 'targetTag', prefix: 'pr', user: PROD_ONLY, limit: 10 })).toEqual({
      sql: "SELECT DISTINCT arrayJoin(j.target_tags) AS value FROM jobs AS j FINAL WHERE j.is_deleted = 0 AND value != '' AND startsWith(lowerUTF8(value), lowerUTF8({prefix:String})) ORDER BY value LIMIT {limit:UInt32}",
      params: { prefix: 'pr', limit: 10 },
    })
    expect(valueSuggestionQuery({ entity: 'jobs', token: 'owner', prefix: '', user: EVERYONE })?.sql).toContain('SELECT DISTINCT j.owner_email AS value FROM jobs AS j FINAL')
    expect(valueSuggestionQuery({ entity: 'jobs', token: 'status', prefix: '', user: EVERYONE })).toBeNull()
  })

  it('reads asset values inside the tag scope', () => {
    expect(valueSuggestionQuery({ entity: 'assets', token: 'tags.name', prefix: 'S', user: PROD_ONLY, limit: 5 })).toEqual({
      sql: "SELECT DISTINCT arrayJoin(a.tags) AS value FROM assets AS a FINAL WHERE hasAny(a.tags, {scopeTags:Array(String)}) AND value != '' AND startsWith(lowerUTF8(value), lowerUTF8({prefix:String})) ORDER BY value LIMIT {limit:UInt32}",
      params: { scopeTags: ['Prod', 'EU'], prefix: 'S', limit: 5 },
    })
  })
})

describe('compileQql: dates in the user time zone', () => {
  it('reads a day as that day in the user zone', () => {
    expect(compiled('scanDateTime: 2026-01-31', 'assets', PARIS).params).toEqual({ q1: '2026-01-30 23:00:00.000', q2: '2026-01-31 23:00:00.000' })
    expect(compiled('scanDateTime: 2026-07-31', 'assets', PARIS).params).toEqual({ q1: '2026-07-30 22:00:00.000', q2: '2026-07-31 22:00:00.000' })
  })

  it('honours an explicit offset or Z regardless of the zone', () => {
    expect(compiled('scanDateTime >= 2026-01-31T10:00Z', 'assets', PARIS).params).toEqual({ q1: '2026-01-31 10:00:00.000' })
    expect(compiled('scanDateTime >= 2026-01-31T10:00-05:00', 'assets', PARIS).params).toEqual({ q1: '2026-01-31 15:00:00.000' })
  })

  it('warns and reads UTC when the user zone is unknown', () => {
    const result = compiled('name: x AND scanDateTime: 2026-01-31', 'assets', { ...EVERYONE, timeZone: 'Mars/Olympus' })
    expect(result.params).toMatchObject({ q2: '2026-01-31 00:00:00.000' })
    expect(result.warnings).toEqual([{ message: 'unknown time zone `Mars/Olympus`: dates are read as UTC at 12', start: 12, end: 36 }])
  })
})

describe('compileQql: token versions', () => {
  it('migrates a version-1 query before compiling and warns about deprecated tokens', () => {
    const result = compiled('os: windows AND patch.isLatest: true AND patch.severity: high', 'assets', EVERYONE, 1)
    expect(result.where).toBe(`a.operating_system ILIKE {q1:String} AND ${SEMI_JOIN} p.is_superseded = {q2:Bool} AND p.vendor_severity = {q3:String})`)
    expect(result.params).toEqual({ q1: '%windows%', q2: false, q3: 'Important' })
    expect(result.warnings.map((warning) => [warning.message, warning.start, warning.end])).toEqual([
      ['`os` was renamed `operatingSystem` in token version 2; `os` is deprecated at 0', 0, 2],
      ['`patch.isLatest` was renamed `patch.isSuperseded` in token version 2; `patch.isLatest` is deprecated at 16', 16, 30],
      ['`patch.severity` was renamed `patch.vendorSeverity` in token version 2; `patch.severity` is deprecated at 41', 41, 55],
    ])
  })

  it('warns only about tokens that changed', () => {
    expect(compiled('name: web AND os: x', 'assets', EVERYONE, 1).warnings.map((warning) => warning.start)).toEqual([14])
    expect(compiled('title: x', 'patches', EVERYONE, 1).warnings).toEqual([])
  })

  it('fails a version-1 query that uses a removed token, pointing at it', () => {
    const result = compileQql({ query: 'title: x OR isRollup: true', entity: 'patches', user: EVERYONE, version: 1 })
    expect(result).toMatchObject({
      ok: false,
      errors: [{ message: '`isRollup` was removed in token version 2: write category: "Update Rollups" instead at 12', start: 12, end: 20 }],
    })
  })

  it('rejects an unknown version', () => {
    expect(compileQql({ query: 'name: x', entity: 'assets', user: EVERYONE, version: 7 })).toMatchObject({
      ok: false,
      errors: [{ message: 'unknown token version 7 at 0, expected one of 1, 2', start: 0, end: 0, expected: ['1', '2'] }],
    })
  })
})

describe('parseQql: token errors', () => {
  it.each<[string, Entity, string, number, number, string[] | undefined]>([
    ['nmae: web', 'assets', 'unknown token `nmae` for assets at 0, did you mean `name`?', 0, 4, ['name']],
    ['publishedDate: 2026-01', 'findings', 'unknown token `publishedDate` for findings at 0, did you mean `patch.publishedDate`?', 0, 13, ['patch.publishedDate']],
    ['zzzzzz: 1', 'assets', 'unknown token `zzzzzz` for assets at 0', 0, 6, undefined],
    ['os: windows', 'assets', 'unknown token `os` (token version 2) at 0, `os` was renamed `operatingSystem` in token version 2', 0, 2, ['operatingSystem']],
    ['name > 5', 'assets', '`>` does not apply to `name` (text) at 5, use `:` or `=`', 5, 6, [':', '=']],
    ['name = [a, b]', 'assets', 'a list of values needs `:`, as in `name: [a, b]` at 7', 7, 13, [':']],
    ['name: [a .. b]', 'assets', 'a range needs a number or date token; `name` is text at 6', 6, 14, undefined],
    ['missingPatchCount: many', 'assets', 'expected a whole number after `missingPatchCount:` at 19, found `many`', 19, 23, ['whole number']],
    ['missingPatchCount > 99999999999999999', 'assets', 'expected a whole number after `missingPatchCount >` at 20, found `99999999999999999`', 20, 37, ['whole number']],
    ['osFamily: BeOS', 'assets', '`BeOS` is not a value of `osFamily` at 10, expected one of Windows, Linux, macOS', 10, 14, ['Windows', 'Linux', 'macOS']],
    ['isSecurity: yes', 'patches', '`isSecurity` is true or false, not `yes` at 12', 12, 15, ['true', 'false']],
    ['interfaces.address: 10.0.0.300', 'assets', '`10.0.0.300` is not an IP address, CIDR block (10.0.0.0/8) or pattern (10.0.*) at 20', 20, 30, undefined],
    ['interfaces.address: 10.0.0.0/33', 'assets', '`10.0.0.0/33` is not an IP address, CIDR block (10.0.0.0/8) or pattern (10.0.*) at 20', 20, 31, undefined],
  ])('%s (%s)', (text, entity, message, start, end, expected) => {
    const { errors } = parseQql(text, { entity })
    expect(errors).toEqual([{ message, start, end, ...(expected === undefined ? {} : { expected }) }])
  })

  it('explains bad dates with the accepted forms', () => {
    const { errors } = parseQql('scanDateTime > 2026-02-30', { entity: 'assets' })
    expect(errors[0]).toMatchObject({ start: 15, end: 25 })
    expect(errors[0].message).toBe(
      'expected a date after `scanDateTime >` at 15, found `2026-02-30` (use 2026-01-31, 2026-01-31T10:00, now-30d, now-1M, now-2w or now-12h)',
    )
  })

  it('returns syntax and token errors together, in text order', () => {
    const { errors } = parseQql('nmae: web AND vendorSeverity: AND osFamily: BeOS', { entity: 'assets' })
    expect(errors.map((error) => error.start)).toEqual([0, 30, 44])
  })

  it('knows tokens that arrived later and names them', () => {
    const { errors } = parseQql('scanStatus: Scanned', { entity: 'assets', version: 1 })
    expect(errors[0].message).toBe('unknown token `scanStatus` (token version 1) at 0, `scanStatus` arrived in token version 2')
    expect(parseQql('operatingSystem: x', { entity: 'assets', version: 1 }).errors[0].message).toBe(
      'unknown token `operatingSystem` (token version 1) at 0, `operatingSystem` is called `os` in token version 1',
    )
  })
})

describe('compileQql: criteria, scope and relations', () => {
  it('returns the tag scope apart from the criteria, where = criteria AND scope', () => {
    const result = compileQql({ query: 'status: Missing', entity: 'findings', user: PROD_ONLY })
    if (!result.ok) throw new Error('does not compile')
    expect(result.scope).toBe('hasAny(a.tags, {scopeTags:Array(String)})')
    expect(result.criteria).toBe('f.is_deleted = 0 AND f.status = {q1:String}')
    expect(result.where).toBe('f.is_deleted = 0 AND hasAny(a.tags, {scopeTags:Array(String)}) AND f.status = {q1:String}')
    const everyone = compileQql({ query: '', entity: 'assets', user: EVERYONE })
    expect(everyone.ok && [everyone.criteria, everyone.scope]).toEqual(['1', null])
  })

  it('reads the findings and "now" it is given (a query evaluated as of a past day)', () => {
    const relations = { findings: '(SELECT * FROM past_findings) AS f', now: 'past_now()' }
    const result = compileQql({ query: 'patch.title: kb AND activatedDate > now-7d', entity: 'assets', user: EVERYONE, relations })
    const present = compileQql({ query: 'patch.title: kb AND activatedDate > now-7d', entity: 'assets', user: EVERYONE })
    if (!result.ok || !present.ok) throw new Error('does not compile')
    expect(result.where).toContain('SELECT f.asset_id FROM (SELECT * FROM past_findings) AS f INNER JOIN patches AS p FINAL')
    expect(result.where).toContain('past_now() - toIntervalDay(')
    expect(result.where).not.toMatch(/findings AS f FINAL|now64/)
    expect(present.where).toContain(SEMI_JOIN)
  })

  it('tests a scope on the column it is given', () => {
    expect(assetScopeCondition(PROD_ONLY.scope, 'r.tags')).toEqual({ where: 'hasAny(r.tags, {scopeTags:Array(String)})', params: { scopeTags: ['Prod', 'EU'] } })
    expect(assetScopeCondition(NO_TAGS.scope, 'r.tags')?.where).toBe('0')
  })
})
