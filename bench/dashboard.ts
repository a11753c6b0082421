// Benchmark: the default dashboard on a large estate — cold (one combined statement, with and without the estate rollup),
// warm (cached), 10 concurrent viewers, against the same widget SQL with the parameters written in and run in parallel.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { QqlUser } from '@/lib/qql'
import { WidgetResultCache } from '@/lib/dashboards/cache'
import { runWidgets } from '@/lib/dashboards/run'
import { planWidget } from '@/widgets/build'
import { DEFAULT_DASHBOARD } from '@/widgets/defaults'
import { NO_FILTERS } from '@/widgets/schema'

const { values: options } = parseArgs({
  options: {
    assets: { type: 'string', default: '100000' },
    'base-assets': { type: 'string', default: '1000' },
    days: { type: 'string', default: '90' },
    runs: { type: 'string', default: '10' },
    /** Keep the built estate in this directory and reuse it on the next run (same sizes). */
    'data-dir': { type: 'string' },
  },
})
const assetCount = Number(options.assets)
const baseAssets = Math.min(Number(options['base-assets']), assetCount)
const days = Number(options.days)
const RUNS = Number(options.runs)
const CONCURRENT_VIEWERS = 10
const CONCURRENT_ROUNDS = 3

const EVERYONE: QqlUser = { scope: { all: true, tags: [] }, timeZone: 'UTC' }
const SITES = ['Site-Berlin', 'Site-Pune', 'Site-Austin', 'Site-London', 'Site-Sydney']
/** Ten viewers whose results cannot be shared: each has a scope or a time zone of their own. */
const VIEWERS: QqlUser[] = Array.from({ length: CONCURRENT_VIEWERS }, (_, index) =>
  index === 0 ? EVERYONE : { scope: { all: index % 2 === 0, tags: index % 2 === 0 ? [] : [SITES[index % SITES.length]] }, timeZone: ['UTC', 'Europe/Berlin', 'Asia/Kolkata', 'America/Chicago', 'Australia/Sydney'][index % 5] },
).map((viewer, index) => (index > 0 && viewer.scope.all ? { ...viewer, timeZone: `Etc/GMT-${index}` } : viewer))

const percentile = (sorted: number[], fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]
const round = (ms: number) => Math.round(ms * 10) / 10
function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  return { p50: round(percentile(sorted, 0.5)), p95: round(percentile(sorted, 0.95)), max: round(sorted[sorted.length - 1]), runs: sorted.length }
}
async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await work()
  return performance.now() - started
}

/** A parameter value as an SQL literal (benchmark only: the comparison runs the widgets' SQL without bound parameters). */
function literal(value: unknown, type: string): string {
  if (Array.isArray(value)) return `[${value.map((item) => literal(item, 'String')).join(', ')}]`
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  const text = `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\0/g, '\\0')}'`
  return type.startsWith('DateTime64') ? `toDateTime64(${text}, 3, 'UTC')` : text
}
function inline(sql: string, params: Record<string, unknown>): string {
  return sql.replace(/\{([A-Za-z_][A-Za-z0-9_]*):([^{}]+(?:\([^()]*\))?)\}/g, (_whole, name: string, type: string) => literal(params[name], type))
}

async function buildEstate(reuse: boolean) {
  const { getDatabase } = await import('@/clickhouse/client')
  const { runMigrations } = await import('@/clickhouse/migrate')
  const { seedDemoEstate } = await import('@/ingest/seed')
  const db = await getDatabase()
  await runMigrations(db)
  const build = { seedMs: 0, cloneMs: 0, optimizeMs: 0, reused: reuse }
  if (reuse) return { db, size: await estateSize(db), build }
  let started = performance.now()
  await seedDemoEstate(db, { assets: baseAssets, days, seed: 1 })
  build.seedMs = Math.round(performance.now() - started)

  // Clone the seeded assets with their findings, events and scans until there are `assetCount` (clone k of base asset i
  // exists when k * base + i < assetCount; ids and names get a `~k` suffix). Job results are generated: each asset has
  // a run every 7 days in which one patch in 40 fails.
  started = performance.now()
  const params = { base: baseAssets, total: assetCount, copies: Math.ceil(assetCount / baseAssets) - 1 }
  await db.command('CREATE TABLE bench_base ENGINE = Memory AS SELECT asset_id, toUInt32(row_number() OVER (ORDER BY asset_id) - 1) AS ordinal FROM assets FINAL')
  // Columns by name (a later migration's column keeps its default); the asset id and name get the copy's suffix.
  const id = "concat(t.asset_id, '~', toString(copy))"
  const cloned = (column: string) => (column === 'asset_id' ? id : column === 'name' ? "concat(t.name, '~', toString(copy))" : `t.${column}`)
  const clone = (table: string, columns: string[], where = '1') =>
    db.command(
      `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.map(cloned).join(', ')} FROM ${table} AS t${table === 'assets' || table === 'findings' ? ' FINAL' : ''}
       INNER JOIN bench_base AS o ON o.asset_id = t.asset_id
       ARRAY JOIN range(1, {copies:UInt32} + 1) AS copy WHERE ${where} AND copy * {base:UInt32} + o.ordinal < {total:UInt32}`,
      params,
    )
  await clone('assets', ['asset_id', 'name', 'operating_system', 'os_family', 'architecture', 'ip_addresses', 'last_logged_on_user', 'tags', 'time_zone', 'activated_at', 'last_scan_at', 'last_scan_id', 'missing_count', 'installed_count', 'missing_critical_count', 'missing_security_count', 'updated_at', 'version'])
  await clone('findings', ['asset_id', 'patch_id', 'status', 'first_seen_at', 'installed_at', 'changed_at', 'scan_id', 'version', 'is_deleted'], 't.is_deleted = 0')
  await clone('finding_events', ['event_at', 'asset_id', 'patch_id', 'event', 'previous_status', 'vendor_severity', 'first_seen_at', 'scan_id'])
  await clone('asset_scans', ['scan_id', 'asset_id', 'scanned_at', 'received_at', 'applied', 'os_family', 'tags', 'missing_count', 'installed_count', 'missing_critical_count', 'missing_security_count'])
  await db.command(
    `INSERT INTO job_results (job_id, run_id, asset_id, status, reported_at, patch_ids, patch_statuses, patch_messages, received_at, version)
     SELECT 'bench-job', concat('run-', toString(w)), a.asset_id, 'Completed', now64(3, 'UTC') - toIntervalDay(w * 7 + cityHash64(a.asset_id) % 7),
            ['p-1', 'p-2'], [if(cityHash64(a.asset_id, w) % 40 = 0, 'Failed', 'Installed'), 'Installed'], ['', ''], now64(3, 'UTC'), 1
     FROM assets AS a FINAL ARRAY JOIN range(0, intDiv({days:UInt32}, 7)) AS w`,
    { days },
  )
  build.cloneMs = Math.round(performance.now() - started)
  started = performance.now()
  for (const table of ['assets', 'patches', 'findings', 'finding_events', 'asset_scans', 'job_results']) await db.command(`OPTIMIZE TABLE ${table} FINAL`)
  build.optimizeMs = Math.round(performance.now() - started)
  return { db, size: await estateSize(db), build }
}

async function estateSize(db: Awaited<ReturnType<typeof import('@/clickhouse/client').getDatabase>>) {
  const [size] = await db.query<Record<string, number>>(
    `SELECT (SELECT toUInt32(count()) FROM assets FINAL) AS assets, (SELECT toUInt32(count()) FROM findings FINAL WHERE is_deleted = 0) AS findings,
            (SELECT toUInt32(count()) FROM patches FINAL) AS patches, (SELECT toUInt32(count()) FROM finding_events) AS findingEvents,
            (SELECT toUInt32(count()) FROM asset_scans) AS assetScans, (SELECT toUInt32(count()) FROM job_results FINAL) AS jobResults`,
  )
  return size
}

async function rollupSize(db: Awaited<ReturnType<typeof import('@/clickhouse/client').getDatabase>>, build: string) {
  const [size] = await db.query<Record<string, number>>(
    `SELECT (SELECT toUInt32(count()) FROM rollup_findings WHERE build = {v:String}) AS findingRows,
            (SELECT toUInt32(count()) FROM rollup_finding_events WHERE build = {v:String}) AS eventRows,
            (SELECT toUInt32(uniqExact(arraySort(tags))) FROM assets FINAL) AS tagSets`,
    { v: build },
  )
  return size
}

async function measure() {
  const kept = options['data-dir']
  const dataDir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), 'patchboard-bench-dashboard-'))
  const marker = path.join(dataDir, 'bench-dashboard-estate.json')
  const estate = JSON.stringify({ assetCount, baseAssets, days })
  const reuse = kept !== undefined && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === estate
  process.env.PATCHBOARD_DATA_DIR = dataDir
  delete process.env.CLICKHOUSE_URL
  const { closeDatabase } = await import('@/clickhouse/client')
  try {
    const { db, size, build } = await buildEstate(reuse)
    if (kept !== undefined) fs.writeFileSync(marker, estate)
    const widgets = DEFAULT_DASHBOARD.widgets
    const { readVersions, buildEstateRollup } = await import('@/lib/repositories/estate-rollup')
    const { finishEstateRollups } = await import('@/lib/dashboards/rollup-builds')
    const { advanceDataVersion } = await import('@/lib/repositories/data-version')
    /** A render with an empty result cache: from the findings and events ('off'), or as the app renders ('auto'). */
    const cold = (user: QqlUser, rollup: 'auto' | 'off' = 'off') => runWidgets(db, widgets, { user, cache: new WidgetResultCache(), rollup })
    const first = await cold(EVERYONE)
    const problems = first.filter((result) => result.status !== 'ok')
    if (problems.length > 0) throw new Error(`widgets without data: ${JSON.stringify(problems)}`)

    // The rollup of the current data version, built twice (the second beside the first one's rows).
    const rollupBuildMs: number[] = []
    for (let i = 0; i < 2; i++) rollupBuildMs.push(await timed(async () => buildEstateRollup(db, (await readVersions(db)).data)))
    const rollupBuild = (await readVersions(db)).rollup?.build ?? ''
    const rollupRows = await rollupSize(db, rollupBuild)

    // The same SQL, per widget, parameters written in, all widgets at once (the engine runs unbound queries in parallel).
    const plainSql = (user: QqlUser, rollup: string | null = null) =>
      widgets.map((widget) => {
        const plan = planWidget(widget, { user, filters: NO_FILTERS, rollupBuild: rollup })
        return { title: widget.title, sql: plan.ok ? plan.built.branches.map((branch) => inline(branch.sql, branch.params)) : [] }
      })
    const parallel = (sql: string[]) => () => Promise.all(sql.map((text) => db.query(text)))
    const parallelPlain = parallel(plainSql(EVERYONE).flatMap((widget) => widget.sql))
    const parallelPlainRollup = parallel(plainSql(EVERYONE, rollupBuild).flatMap((widget) => widget.sql))
    await parallelPlain()
    await parallelPlainRollup()
    // Where the time goes: each widget's SQL alone, for everyone and for the first scoped viewer.
    const perWidgetMs = async (user: QqlUser, rollup: string | null = null) => {
      const times: Record<string, number> = {}
      for (const widget of plainSql(user, rollup)) {
        const runs = [] as number[]
        for (let i = 0; i < 3; i++) runs.push(await timed(() => Promise.all(widget.sql.map((sql) => db.query(sql)))))
        times[widget.title] = summary(runs).p50
      }
      return times
    }
    const perWidgetPlainMs = await perWidgetMs(EVERYONE)
    const perWidgetScopedPlainMs = await perWidgetMs(VIEWERS[1])
    const perWidgetScopedRollupMs = await perWidgetMs(VIEWERS[1], rollupBuild)

    const samples = {
      cold: [] as number[], plain: [] as number[], scopedCold: [] as number[],
      rollupCold: [] as number[], rollupPlain: [] as number[], rollupScopedCold: [] as number[],
      warm: [] as number[], concurrentRaw: [] as number[], concurrent: [] as number[], concurrentAfterChange: [] as number[],
    }
    // Interleaved, so a change in the machine's load hits both sides of the ratio alike.
    for (let i = 0; i < RUNS; i++) {
      samples.cold.push(await timed(() => cold(EVERYONE)))
      samples.plain.push(await timed(parallelPlain))
      samples.scopedCold.push(await timed(() => cold(VIEWERS[1])))
      samples.rollupCold.push(await timed(() => cold(EVERYONE, 'auto')))
      samples.rollupPlain.push(await timed(parallelPlainRollup))
      samples.rollupScopedCold.push(await timed(() => cold(VIEWERS[1], 'auto')))
    }
    const cache = new WidgetResultCache()
    await runWidgets(db, widgets, { user: EVERYONE, cache, rollup: 'auto' })
    for (let i = 0; i < RUNS * 3; i++) samples.warm.push(await timed(() => runWidgets(db, widgets, { user: EVERYONE, cache, rollup: 'auto' })))
    const concurrentRound = async (rollup: 'auto' | 'off') => {
      const shared = new WidgetResultCache()
      return Promise.all(VIEWERS.map((user) => timed(() => runWidgets(db, widgets, { user, cache: shared, rollup }))))
    }
    for (let round = 0; round < CONCURRENT_ROUNDS; round++) {
      samples.concurrentRaw.push(...(await concurrentRound('off')))
      samples.concurrent.push(...(await concurrentRound('auto')))
    }
    // Right after a data change: the rollup is behind, so every render reads the findings and events; the rebuild the
    // first one asked for starts once the renders are done. "untilRebuiltMs": from the first render to the rollup rebuilt.
    const afterChange: { round: number; untilRebuiltMs: number }[] = []
    for (let round = 0; round < CONCURRENT_ROUNDS; round++) {
      await advanceDataVersion(db)
      const started = performance.now()
      samples.concurrentAfterChange.push(...(await concurrentRound('auto')))
      await finishEstateRollups()
      afterChange.push({ round, untilRebuiltMs: Math.round(performance.now() - started) })
    }
    const coldSummary = summary(samples.cold)
    const plainSummary = summary(samples.plain)
    const rollupColdSummary = summary(samples.rollupCold)
    const rollupPlainSummary = summary(samples.rollupPlain)
    return {
      data: { ...size, baseAssets, days, build: { ...build, method: `seedDemoEstate(${baseAssets} assets × ${days} days) through the scan writer, cloned in-engine, OPTIMIZE … FINAL` } },
      widgets: widgets.length,
      rollup: { buildMs: rollupBuildMs.map(round), ...rollupRows },
      coldMs: { ...rollupColdSummary, target: 'p50 ≤ 1000' },
      plainParallelMs: rollupPlainSummary,
      coldOverPlainRatio: Math.round((rollupColdSummary.p50 / rollupPlainSummary.p50) * 100) / 100,
      scopedColdMs: summary(samples.rollupScopedCold),
      withoutRollup: {
        coldMs: coldSummary,
        plainParallelMs: plainSummary,
        coldOverPlainRatio: Math.round((coldSummary.p50 / plainSummary.p50) * 100) / 100,
        scopedColdMs: summary(samples.scopedCold),
        concurrentViewersColdMs: summary(samples.concurrentRaw),
      },
      perWidgetPlainMs,
      perWidgetScopedPlainMs: { scope: VIEWERS[1].scope.tags, ...perWidgetScopedPlainMs },
      perWidgetScopedRollupMs: { scope: VIEWERS[1].scope.tags, ...perWidgetScopedRollupMs },
      warmMs: { ...summary(samples.warm), target: 'p50 ≤ 50' },
      concurrentViewersColdMs: { viewers: CONCURRENT_VIEWERS, rounds: CONCURRENT_ROUNDS, ...summary(samples.concurrent), target: 'p95 ≤ 2000' },
      concurrentViewersAfterDataChangeMs: { ...summary(samples.concurrentAfterChange), untilRollupRebuilt: afterChange },
    }
  } finally {
    await closeDatabase()
    if (kept === undefined) fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

const loadBefore = os.loadavg().map((load) => Math.round(load * 10) / 10)
const started = performance.now()
const result = await measure()
console.log(
  JSON.stringify(
    { ...result, cpus: os.cpus().length, loadAverage1m5m15m: { before: loadBefore, after: os.loadavg().map((load) => Math.round(load * 10) / 10) }, totalSeconds: Math.round((performance.now() - started) / 1000) },
    null,
    2,
  ),
)
