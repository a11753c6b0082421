// Benchmark: findings exports downloaded from a running Patchboard server (GET /api/v1/export with an API token): rows/s
// beside the engine's own output of the same SELECT, the server's RSS growth, and a list page's latency meanwhile.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { SessionUser } from '@/lib/auth/user'
import { startServer, treeMemoryMB } from './server'

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    formats: { type: 'string', default: 'csv,xlsx' },
    'data-dir': { type: 'string' },
    mode: { type: 'string', default: 'run' },
    'no-latency': { type: 'boolean', default: false },
  },
})
const rows = Number(values.rows)
const PATCHES = 100
const root = process.cwd()
const self = path.join(root, 'bench/export-http.ts')
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs')
const admin: SessionUser = { id: 'bench', email: 'bench@patchboard.local', name: 'Benchmark', role: 'Administrator', scope: { all: true, tags: [] }, timeZone: 'Europe/Berlin' }

/**
 * Child mode, before the server holds the data directory: the synthetic estate (when missing), an analyst with an API
 * token, and the engine's own rate for the export's SELECT (streamed and dropped), printed as JSON.
 */
async function setup(dataDir: string): Promise<void> {
  process.env.PATCHBOARD_DATA_DIR = dataDir
  const { getDatabase, closeDatabase } = await import('@/clickhouse/client')
  const { runMigrations } = await import('@/clickhouse/migrate')
  const { writeSyntheticEstate } = await import('./export-estate')
  const { putSetting } = await import('@/lib/repositories/settings')
  const { createUser, findUserByEmail } = await import('@/lib/repositories/users')
  const { generateApiToken } = await import('@/lib/auth/api-tokens')
  const { insertApiToken } = await import('@/lib/repositories/api-tokens')
  const { resolveColumns } = await import('@/lib/export/columns')
  const { exportSource } = await import('@/lib/export/query')
  const { exportStatement } = await import('@/lib/repositories/export')
  const db = await getDatabase()
  await runMigrations(db)
  const [{ present }] = await db.query<{ present: number }>('SELECT toUInt64(count()) AS present FROM findings')
  if (present !== rows) {
    if (present > 0) throw new Error(`${dataDir} holds ${present} findings, not ${rows}: use another --data-dir`)
    await writeSyntheticEstate(db, { assets: rows / PATCHES, patchesPerAsset: PATCHES })
    await db.command('OPTIMIZE TABLE findings FINAL')
    await putSetting(db, 'demo.seeded', JSON.stringify({ assets: 0, at: new Date().toISOString() }))
  }
  const user = (await findUserByEmail(db, admin.email)) ?? (await createUser(db, { email: admin.email, name: admin.name, role: 'Administrator', scope: { all: true, tags: [] }, passwordHash: '', timeZone: admin.timeZone }))
  const token = generateApiToken()
  await insertApiToken(db, { id: token.id, userId: user.id, name: 'bench', secretHash: token.secretHash, createdAt: new Date().toISOString(), expiresAt: null })
  const engine: Record<string, number> = {}
  for (const format of ['csv', 'xlsx'] as const) {
    const statement = exportStatement(exportSource('findings', admin, '', 2), resolveColumns('findings', null), format, admin.timeZone)
    const started = performance.now()
    let count = 0
    for await (const chunk of db.streamQuery({ query: statement.sql, params: statement.params, format: format === 'csv' ? 'CSV' : 'JSONCompactEachRow' })) count += chunk.rows
    engine[format] = Math.round(count / ((performance.now() - started) / 1000))
  }
  await closeDatabase()
  process.stdout.write(`\n${JSON.stringify({ token: token.token, engine })}`)
}

/** Downloads an export, sampling the server's resident memory; growth = peak over the RSS just before. */
async function download(url: string, token: string, pid: number, format: string) {
  const before = treeMemoryMB(pid, 'VmRSS')
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, treeMemoryMB(pid, 'VmRSS'))), 100)
  const started = performance.now()
  // node:http rather than fetch: fetch's web-stream body reads ~3x slower than the server sends, and the client would be the limit.
  const bytes = await new Promise<number>((resolve, reject) => {
    http
      .get(`${url}/api/v1/export?entity=findings&format=${format}`, { headers: { authorization: `Bearer ${token}` } }, (response) => {
        if (response.statusCode !== 200) reject(new Error(`export answered ${response.statusCode}`))
        let received = 0
        response.on('data', (chunk: Buffer) => (received += chunk.length))
        response.on('end', () => resolve(received))
        response.on('error', reject)
      })
      .on('error', reject)
  })
  clearInterval(sampler)
  const seconds = (performance.now() - started) / 1000
  return { seconds: +seconds.toFixed(1), fileMB: Math.round(bytes / 2 ** 20), rowsPerSecond: Math.round(rows / seconds), rssBeforeMB: before, rssGrowthMB: Math.max(0, peak - before) }
}

async function listLatencyP50(url: string, token: string, count: number): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < count; i++) {
    const started = performance.now()
    const response = await fetch(`${url}/api/v1/findings?q=${encodeURIComponent(`asset.id: asset-${i * 7} AND status: Missing`)}&sort=vendorSeverity&dir=asc&page=1&pageSize=50`, { headers: { authorization: `Bearer ${token}` } })
    if (!response.ok) throw new Error(`the list answered ${response.status}`)
    await response.arrayBuffer()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return Math.round(times[Math.floor(times.length / 2)])
}

async function run(): Promise<void> {
  if (!Number.isInteger(rows / PATCHES) || rows < PATCHES) throw new Error('--rows must be a multiple of 100')
  const dataDir = values['data-dir'] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'patchboard-bench-export-http-'))
  const prepared = spawnSync(process.execPath, [tsx, self, '--mode', 'setup', '--rows', String(rows), '--data-dir', dataDir], { encoding: 'utf8', cwd: root, maxBuffer: 2 ** 24 })
  if (prepared.status !== 0) throw new Error(`setup failed: ${prepared.stderr}`)
  const { token, engine } = JSON.parse(prepared.stdout.trim().split('\n').pop()!) as { token: string; engine: Record<string, number> }
  const { url, server, stop } = await startServer(root, dataDir, { PATCHBOARD_SEED_JOBS: '0' })
  const report: Record<string, unknown> = { rows, cpus: os.cpus().length, loadAverage: os.loadavg().map((load) => +load.toFixed(2)) }
  try {
    // What a server has done before anyone exports: answered list pages (and the first one compiles the route).
    const idle = await listLatencyP50(url, token, 20)
    report.serverRssAfterListPagesMB = treeMemoryMB(server.pid!, 'VmRSS')
    for (const format of values.formats.split(',')) {
      const first = await download(url, token, server.pid!, format)
      const second = await download(url, token, server.pid!, format)
      report[format] = { ...first, engineRowsPerSecond: engine[format], ratio: +(first.rowsPerSecond / engine[format]).toFixed(2), secondRun: second }
      console.log(format, JSON.stringify(report[format]))
    }
    if (!values['no-latency']) {
      const running = download(url, token, server.pid!, 'xlsx')
      await new Promise((resolve) => setTimeout(resolve, 500))
      const during = await listLatencyP50(url, token, 20)
      await running
      report.listLatency = { idleP50ms: idle, duringXlsxExportP50ms: during, ratio: +(during / idle).toFixed(2) }
    }
    report.serverPeakRssMB = treeMemoryMB(server.pid!, 'VmHWM')
  } finally {
    await stop()
    if (values['data-dir'] === undefined) fs.rmSync(dataDir, { recursive: true, force: true })
  }
  console.log(JSON.stringify(report, null, 2))
}

if (values.mode === 'setup') await setup(values['data-dir']!)
else await run()
