// Benchmark: findings exports (CSV, XLSX) beside the engine's own output of the same query, RSS growth, list latency meanwhile.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { SessionUser } from '@/lib/auth/user'

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    formats: { type: 'string', default: 'csv,xlsx' },
    'data-dir': { type: 'string' },
    'no-latency': { type: 'boolean', default: false },
  },
})
const rows = Number(values.rows)
const PATCHES = 100
if (!Number.isInteger(rows / PATCHES) || rows < PATCHES) {
  console.error('usage: npm run bench:export -- --rows N (a multiple of 100) [--formats csv,xlsx] [--data-dir DIR] [--no-latency]')
  process.exit(1)
}
const dataDir = values['data-dir'] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'patchboard-bench-export-'))
process.env.PATCHBOARD_DATA_DIR = dataDir
const { getDatabase, closeDatabase } = await import('@/clickhouse/client')
const { runMigrations } = await import('@/clickhouse/migrate')
const { writeSyntheticEstate } = await import('./export-estate')
const { runExport } = await import('@/lib/export/run')
const { resolveColumns } = await import('@/lib/export/columns')
const { exportSource } = await import('@/lib/export/query')
const { exportStatement } = await import('@/lib/repositories/export')
const { fetchFindingPage } = await import('@/lib/services/lists')

const db = await getDatabase()
await runMigrations(db)
const [{ present }] = await db.query<{ present: number }>('SELECT toUInt64(count()) AS present FROM findings')
if (present !== rows) {
  if (present > 0) throw new Error(`${dataDir} holds ${present} findings, not ${rows}: use another --data-dir`)
  const started = performance.now()
  await writeSyntheticEstate(db, { assets: rows / PATCHES, patchesPerAsset: PATCHES })
  await db.command('OPTIMIZE TABLE findings FINAL')
  console.log(`estate: ${rows} findings written in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

const admin: SessionUser = { id: 'bench', email: 'bench@example.com', name: 'Bench', role: 'Administrator', scope: { all: true, tags: [] }, timeZone: 'Europe/Berlin' }
const columns = resolveColumns('findings', null)
const mb = (bytes: number) => Math.round(bytes / 2 ** 20)

/** Runs `work`, sampling RSS; growth is the peak over the RSS just before. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; rssGrowthMB: number; peakRssMB: number }> {
  global.gc?.()
  const before = process.memoryUsage().rss
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
  const started = performance.now()
  const result = await work()
  clearInterval(sampler)
  peak = Math.max(peak, process.memoryUsage().rss)
  return { result, seconds: (performance.now() - started) / 1000, rssGrowthMB: mb(peak - before), peakRssMB: mb(peak) }
}

/** The engine's own output of the export's SELECT, read and dropped: the ceiling an export can approach. */
async function engineOnly(format: 'csv' | 'xlsx'): Promise<number> {
  const statement = exportStatement(exportSource('findings', admin, '', 2), columns, format, 'Europe/Berlin')
  let count = 0
  for await (const chunk of db.streamQuery({ query: statement.sql, params: statement.params, format: format === 'csv' ? 'CSV' : 'JSONCompactEachRow' })) count += chunk.rows
  return count
}

async function exportTo(format: 'csv' | 'xlsx', file: string) {
  const sink = fs.createWriteStream(file)
  const result = await runExport({ db, user: admin, entity: 'findings', format, query: '', columns: null }, sink)
  await new Promise((resolve) => sink.end(resolve))
  return result
}

async function listLatencies(count: number): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < count; i++) {
    const started = performance.now()
    await fetchFindingPage(db, admin, { q: `asset.id: asset-${i * 7} AND status: Missing`, v: 2, sort: 'vendorSeverity', dir: 'asc', page: 1, pageSize: 50 })
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return Math.round(times[Math.floor(times.length / 2)])
}

const report: Record<string, unknown> = { rows, columns: columns.length, cpus: os.cpus().length, loadAverage: os.loadavg().map((load) => +load.toFixed(2)) }
for (const format of values.formats.split(',') as ('csv' | 'xlsx')[]) {
  // The export runs first, so its RSS growth includes the engine's own working memory for the query (as a server's would).
  const file = path.join(os.tmpdir(), `patchboard-bench-export-${process.pid}.${format}`)
  const exported = await measured(() => exportTo(format, file))
  // Once more: a running server's engine has its caches and arenas already (the first heavy query pays for them).
  const again = await measured(() => exportTo(format, file))
  fs.rmSync(file)
  const engine = await measured(() => engineOnly(format))
  const engineRate = Math.round(engine.result / engine.seconds)
  const exportRate = Math.round(exported.result.rows / exported.seconds)
  report[format] = {
    engineRowsPerSecond: engineRate,
    exportRowsPerSecond: exportRate,
    ratio: +(exportRate / engineRate).toFixed(2),
    seconds: +exported.seconds.toFixed(1),
    fileMB: mb(exported.result.bytes),
    sheets: exported.result.sheets,
    rssGrowthMB: exported.rssGrowthMB,
    peakRssMB: exported.peakRssMB,
    secondRunSeconds: +again.seconds.toFixed(1),
    secondRunRssGrowthMB: again.rssGrowthMB,
    secondRunPeakRssMB: again.peakRssMB,
  }
  console.log(format, JSON.stringify(report[format]))
}

if (!values['no-latency']) {
  const idle = await listLatencies(20)
  const file = path.join(os.tmpdir(), `patchboard-bench-export-latency-${process.pid}.csv`)
  const running = exportTo('xlsx', file)
  await new Promise((resolve) => setTimeout(resolve, 500))
  const during = await listLatencies(20)
  await running
  fs.rmSync(file)
  report.listLatency = { idleP50ms: idle, duringXlsxExportP50ms: during, ratio: +(during / idle).toFixed(2) }
}
console.log(JSON.stringify(report, null, 2))
await closeDatabase()
if (values['data-dir'] === undefined) fs.rmSync(dataDir, { recursive: true, force: true })
