// Benchmark: QQL parse + compile throughput, and Assets-list / autocomplete latency of compiled queries on a large estate.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { mulberry32, type Random } from '@/ingest/demo/random'
import { listAssets } from '@/lib/repositories/assets'
import { compileQql, ENTITIES, parseQql, tokensFor, valueSuggestionQuery, type Entity, type QqlToken, type QqlUser } from '@/lib/qql'

const { values: options } = parseArgs({
  options: {
    assets: { type: 'string', default: '100000' },
    'patches-per-asset': { type: 'string', default: '100' },
    'skip-db': { type: 'boolean', default: false },
  },
})
const assetCount = Number(options.assets)
const patchesPerAssetTarget = Number(options['patches-per-asset'])
if (!Number.isInteger(assetCount) || assetCount < 1 || !Number.isInteger(patchesPerAssetTarget) || patchesPerAssetTarget < 1) {
  console.error('usage: npm run bench:qql -- [--assets N] [--patches-per-asset N] [--skip-db]')
  process.exit(1)
}

const CORPUS_SIZE = 200
const COMPILE_SECONDS = 3
const RUNS = 30
const WARM_UP_RUNS = 2
/** Assets seeded through the scan writer; the rest of the estate is cloned from them inside the engine. */
const BASE_ASSETS = 2_000
const EVERYONE: QqlUser = { scope: { all: true, tags: [] }, timeZone: 'UTC' }
const BERLIN_ONLY: QqlUser = { scope: { all: false, tags: ['Site-Berlin'] }, timeZone: 'Europe/Berlin' }

// ---- (a) parse + compile throughput over a corpus generated from the token registry ----

/** Realistic values per token (by its name without the `patch.` / `asset.` prefix) for open-valued tokens. */
const KEYWORD_VALUES: Record<string, readonly string[]> = {
  'tags.name': ['Site-Berlin', 'Site-Pune', 'Servers', 'Workstations', 'Finance', 'Critical-Infrastructure'],
  cve: ['CVE-2024-38063', 'CVE-2025*', 'cve-2024-3*'],
  kb: ['KB5034441', 'KB50*', '`KB890830`'],
  appFamily: ['Chrome', 'Java', '"SQL Server"', 'Office', 'Firefox'],
  architecture: ['x64', 'x86'],
  bulletin: ['MS24-*', 'MS17-010'],
  id: ['msft-kb*', 'chrome-*', '`3f2a9c1e-0d4b-4c8e-9a7f-1b2c3d4e5f60`'],
}
const TEXT_VALUES: Record<string, readonly string[]> = {
  name: ['WKS-BER*', 'SRV-PUN-00*', 'web', '`WKS-AUS-0042`'],
  operatingSystem: ['"Windows 11"', '"Server 2022"', 'windows*24H2'],
  lastLoggedOnUser: ['adm-', 'svc-backup', 'CORP\\\\abecker'],
  title: ['chrome', '"Cumulative Update"', 'Firefox*', '".NET Framework"', 'KB5034441'],
  vendor: ['Microsoft', 'Google', 'Mozilla', 'Oracle', 'Adobe'],
  product: ['"Microsoft Edge"', '"Windows 11"', '7-Zip', 'Java*'],
}
const IP_VALUES = ['10.10.0.0/16', '10.20.*', '10.30.16.5', '"fe80::/10"']

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]
}

function clauseFor(token: QqlToken, random: Random): string {
  const bareName = token.name.replace(/^(patch|asset)\./, '')
  const quoted = (value: string) => (/^[A-Za-z0-9-]+$/.test(value) ? value : `"${value}"`)
  switch (token.elementType) {
    case 'enum': {
      const values = token.values ?? []
      return random() < 0.7 ? `${token.name}: ${quoted(pick(random, values))}` : `${token.name}: [${quoted(pick(random, values))}, ${quoted(pick(random, values))}]`
    }
    case 'boolean':
      return `${token.name}: ${pick(random, ['true', 'false'])}`
    case 'integer': {
      const bound = Math.floor(random() * 50)
      return pick(random, [`${token.name} > ${bound}`, `${token.name}: [${bound} .. ${bound + 20}]`, `${token.name}: ${bound}`, `${token.name} <= ${bound}`])
    }
    case 'date':
      return pick(random, [`${token.name} > now-${1 + Math.floor(random() * 60)}d`, `${token.name}: 2026-0${1 + Math.floor(random() * 9)}`, `${token.name} < 2026-01-31T10:00`])
    case 'ip':
      return `${token.name}: ${pick(random, IP_VALUES)}`
    case 'keyword':
      return `${token.name}: ${pick(random, KEYWORD_VALUES[bareName] ?? ['x64'])}`
    case 'text':
      return `${token.name}: ${pick(random, TEXT_VALUES[bareName] ?? ['chrome'])}`
  }
}

/** 200 queries of 1–4 clauses over every entity's tokens, with AND / OR / NOT and groups; the same on every run. */
function buildCorpus(): { entity: Entity; query: string }[] {
  const random = mulberry32(20260131)
  return Array.from({ length: CORPUS_SIZE }, (_, index) => {
    const entity = ENTITIES[index % ENTITIES.length]
    const tokens = tokensFor(entity)
    const clauses = Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
      const clause = clauseFor(pick(random, tokens), random)
      return random() < 0.15 ? `NOT ${clause}` : clause
    })
    let query = clauses[0]
    for (const clause of clauses.slice(1)) query = random() < 0.3 ? `(${query}) or ${clause}` : `${query} and ${clause}`
    return { entity, query }
  })
}

function measureCompiler() {
  const corpus = buildCorpus()
  const failures = corpus.filter(({ entity, query }) => !compileQql({ query, entity, user: BERLIN_ONLY }).ok)
  if (failures.length > 0) throw new Error(`corpus queries that do not compile: ${JSON.stringify(failures.slice(0, 5))}`)
  const rate = (work: (item: (typeof corpus)[number]) => unknown) => {
    let done = 0
    const started = performance.now()
    while (performance.now() - started < COMPILE_SECONDS * 1000) {
      for (const item of corpus) work(item)
      done += corpus.length
    }
    return Math.round(done / ((performance.now() - started) / 1000))
  }
  return {
    corpusQueries: corpus.length,
    averageQueryChars: Math.round(corpus.reduce((sum, { query }) => sum + query.length, 0) / corpus.length),
    parseQueriesPerSecond: rate(({ entity, query }) => parseQql(query, { entity })),
    compileQueriesPerSecond: rate(({ entity, query }) => compileQql({ query, entity, user: BERLIN_ONLY })),
    targetQueriesPerSecond: 20_000,
  }
}

// ---- (b) and (c): latency on a temporary estate ----

function percentile(sortedMs: number[], fraction: number): number {
  return sortedMs[Math.min(sortedMs.length - 1, Math.ceil(fraction * sortedMs.length) - 1)]
}

async function timeRuns(work: () => Promise<unknown>): Promise<{ p50: number; p95: number; max: number }> {
  for (let i = 0; i < WARM_UP_RUNS; i++) await work()
  const samples: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    await work()
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  const round = (ms: number) => Math.round(ms * 10) / 10
  return { p50: round(percentile(samples, 0.5)), p95: round(percentile(samples, 0.95)), max: round(samples[samples.length - 1]) }
}

const ASSET_LIST_QUERIES: { query: string; user: QqlUser }[] = [
  { query: 'patch.vendorSeverity: Critical and patch.status: Missing', user: EVERYONE },
  { query: 'NOT patch.title: chrome and osFamily: Windows', user: EVERYONE },
  { query: 'patch.cve: CVE-2026* and patch.status: Missing and tags.name: Servers', user: EVERYONE },
  { query: 'patch.appFamily: Java and patch.firstSeenDate > now-30d', user: BERLIN_ONLY },
]

const SUGGESTIONS: { entity: Entity; token: string; prefix: string; user: QqlUser }[] = [
  { entity: 'assets', token: 'name', prefix: 'WKS-BER-00', user: EVERYONE },
  { entity: 'assets', token: 'name', prefix: 'srv', user: BERLIN_ONLY },
  { entity: 'assets', token: 'tags.name', prefix: 'Site', user: EVERYONE },
  { entity: 'assets', token: 'lastLoggedOnUser', prefix: 'CORP\\a', user: EVERYONE },
  { entity: 'assets', token: 'patch.vendor', prefix: 'Mi', user: EVERYONE },
  { entity: 'patches', token: 'product', prefix: 'Microsoft', user: EVERYONE },
]

async function measureDatabase() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'patchboard-bench-qql-'))
  process.env.PATCHBOARD_DATA_DIR = dataDir
  delete process.env.CLICKHOUSE_URL
  const { getDatabase, closeDatabase } = await import('@/clickhouse/client')
  const { runMigrations } = await import('@/clickhouse/migrate')
  const { seedDemoEstate } = await import('@/ingest/seed')
  try {
    const db = await getDatabase()
    await runMigrations(db)
    const build = { baseAssets: Math.min(BASE_ASSETS, assetCount), seedMs: 0, cloneMs: 0, optimizeMs: 0 }

    let started = performance.now()
    await seedDemoEstate(db, { assets: build.baseAssets, days: 1, seed: 1 })
    build.seedMs = Math.round(performance.now() - started)

    // Clone the seeded assets (and their current findings) until there are `assetCount`: clone k of base asset i exists
    // when k * base + i < assetCount. Ids and names get a `~k` suffix; everything else is the seeded content.
    started = performance.now()
    const cloneParams = { base: build.baseAssets, total: assetCount, copies: Math.ceil(assetCount / build.baseAssets) - 1 }
    // The seeded assets' ordinals, fixed before any clone is inserted.
    await db.command(
      'CREATE TABLE bench_base_assets ENGINE = Memory AS SELECT asset_id, toUInt32(row_number() OVER (ORDER BY asset_id) - 1) AS ordinal FROM assets FINAL',
    )
    await db.command(
      `INSERT INTO assets
       SELECT concat(a.asset_id, '~', toString(copy)), concat(a.name, '~', toString(copy)), a.operating_system, a.os_family, a.architecture,
              a.ip_addresses, a.last_logged_on_user, a.tags, a.activated_at, a.last_scan_at, a.last_scan_id, a.missing_count,
              a.installed_count, a.missing_critical_count, a.missing_security_count, a.updated_at, a.version
       FROM assets AS a FINAL INNER JOIN bench_base_assets AS o ON o.asset_id = a.asset_id
       ARRAY JOIN range(1, {copies:UInt32} + 1) AS copy
       WHERE copy * {base:UInt32} + o.ordinal < {total:UInt32}`,
      cloneParams,
    )
    await db.command(
      `INSERT INTO findings
       SELECT concat(f.asset_id, '~', toString(copy)), f.patch_id, f.status, f.first_seen_at, f.installed_at, f.changed_at, f.scan_id,
              f.version, f.is_deleted
       FROM findings AS f FINAL INNER JOIN bench_base_assets AS o ON o.asset_id = f.asset_id
       ARRAY JOIN range(1, {copies:UInt32} + 1) AS copy
       WHERE f.is_deleted = 0 AND copy * {base:UInt32} + o.ordinal < {total:UInt32}`,
      cloneParams,
    )
    build.cloneMs = Math.round(performance.now() - started)
    // As the app's seed does: merge once, so FINAL reads cost (nearly) nothing.
    started = performance.now()
    for (const table of ['assets', 'findings']) await db.command(`OPTIMIZE TABLE ${table} FINAL`)
    build.optimizeMs = Math.round(performance.now() - started)

    const [size] = await db.query<{ assets: number; findings: number; patches: number }>(
      `SELECT (SELECT toUInt32(count()) FROM assets FINAL) AS assets,
              (SELECT toUInt32(count()) FROM findings FINAL WHERE is_deleted = 0) AS findings,
              (SELECT toUInt32(count()) FROM patches FINAL) AS patches`,
    )

    // The first page of the Assets list through the app's own repository function (rows and total).
    const assetList = []
    for (const { query, user } of ASSET_LIST_QUERIES) {
      const compiled = compileQql({ query, entity: 'assets', user })
      if (!compiled.ok) throw new Error(`${query}: ${compiled.errors.map((error) => error.message).join('; ')}`)
      const page = () => listAssets(db, user.scope, { filter: compiled, sort: 'missing', dir: 'desc', page: 1, pageSize: 50 })
      const { total } = await page()
      assetList.push({ query, scoped: !user.scope.all, matches: total, ms: await timeRuns(page) })
    }

    const autocomplete = []
    for (const { entity, token, prefix, user } of SUGGESTIONS) {
      const lookup = valueSuggestionQuery({ entity, token, prefix, user })
      if (lookup === null) throw new Error(`${entity}.${token} has no value source`)
      const suggest = () => db.query<{ value: string }>(lookup.sql, lookup.params)
      autocomplete.push({ entity, token, prefix, scoped: !user.scope.all, values: (await suggest()).length, ms: await timeRuns(suggest) })
    }

    return {
      data: {
        ...size,
        findingsPerAsset: Math.round(size.findings / size.assets),
        patchesPerAssetTarget,
        build: { ...build, method: `seedDemoEstate(${build.baseAssets} assets × 1 day), cloned in-engine with INSERT … SELECT, OPTIMIZE … FINAL` },
      },
      assetList: { runs: RUNS, warmUpRuns: WARM_UP_RUNS, targetP50Ms: 300, results: assetList },
      autocomplete: { runs: RUNS, warmUpRuns: WARM_UP_RUNS, targetP50Ms: 100, results: autocomplete },
    }
  } finally {
    await closeDatabase()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

// Other processes share this machine: the load averages before and after say how much the figures are worth.
const loadBefore = os.loadavg().map((load) => Math.round(load * 10) / 10)
const started = performance.now()
const compiler = measureCompiler()
const database = options['skip-db'] ? null : await measureDatabase()
const loadAfter = os.loadavg().map((load) => Math.round(load * 10) / 10)
console.log(
  JSON.stringify(
    { compiler, ...database, cpus: os.cpus().length, loadAverage1m5m15m: { before: loadBefore, after: loadAfter }, totalSeconds: Math.round((performance.now() - started) / 1000) },
    null,
    2,
  ),
)
