// Benchmark: NDJSON scans from the demo-estate generator posted to a Patchboard server (findings/s end to end,
// the server's peak RSS), beside the engine's own ceiling (INSERT … SELECT of generated finding rows).
import { spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { parseArgs } from 'node:util'
import type { SessionUser } from '@/lib/auth/user'
import { startServer, treeMemoryMB } from './server'

const { values } = parseArgs({
  options: {
    assets: { type: 'string', default: '20000' },
    url: { type: 'string' },
    key: { type: 'string' },
    mode: { type: 'string', default: 'run' },
    'data-dir': { type: 'string' },
    file: { type: 'string' },
    'node-options': { type: 'string', default: '' },
  },
})
const root = process.cwd()
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs')
const self = path.join(root, 'bench/ingest.ts')

/** Child mode: migrate a fresh data directory and create an activation key (printed on stdout). */
async function setup(dataDir: string): Promise<void> {
  process.env.PATCHBOARD_DATA_DIR = dataDir
  const { getDatabase, closeDatabase } = await import('@/clickhouse/client')
  const { runMigrations } = await import('@/clickhouse/migrate')
  const { createActivationKey } = await import('@/lib/services/activation-keys')
  const { putSetting } = await import('@/lib/repositories/settings')
  const db = await getDatabase()
  await runMigrations(db)
  await putSetting(db, 'demo.seeded', JSON.stringify({ assets: 0, at: new Date().toISOString() }))
  const actor: SessionUser = { id: 'bench', email: 'bench@patchboard.local', name: 'Benchmark', role: 'Administrator', scope: { all: true, tags: [] }, timeZone: 'UTC' }
  const { key } = await createActivationKey(db, actor, { title: 'benchmark', tags: [] })
  await closeDatabase()
  process.stdout.write(key)
}

/** Child mode: the engine's own ceiling, INSERT … SELECT of generated finding rows into a copy of the findings table. */
async function ceiling(dataDir: string, rows: number): Promise<void> {
  process.env.PATCHBOARD_DATA_DIR = dataDir
  const { getDatabase, closeDatabase } = await import('@/clickhouse/client')
  const db = await getDatabase()
  await db.command('CREATE TABLE IF NOT EXISTS bench_findings AS findings')
  const started = performance.now()
  await db.command(
    `INSERT INTO bench_findings SELECT concat('asset-', toString(number % 20000)), concat('patch-', toString(intDiv(number, 20000))), if(number % 3 = 0, 'Installed', 'Missing'),
       now64(3), NULL, now64(3), concat('scan-', toString(number % 20000)), toUInt64(number), 0 FROM numbers({rows:UInt64})`,
    { rows },
  )
  const seconds = (performance.now() - started) / 1000
  await db.command('DROP TABLE bench_findings')
  await closeDatabase()
  process.stdout.write(JSON.stringify({ rows, seconds: Number(seconds.toFixed(2)), rowsPerSecond: Math.round(rows / seconds) }))
}

async function generate(file: string, assets: number): Promise<{ documents: number; findings: number; bytes: number; seconds: number }> {
  const { createDemoEstate } = await import('@/ingest/demo/generator')
  const started = performance.now()
  const docs = createDemoEstate({ assets, days: 1, seed: 1 }).scansForDay(0)
  const out = fs.openSync(file, 'w')
  let findings = 0
  let pending: string[] = []
  for (const doc of docs) {
    findings += doc.patches.length
    pending.push(JSON.stringify(doc))
    if (pending.length === 500) {
      fs.writeSync(out, pending.join('\n') + '\n')
      pending = []
    }
  }
  if (pending.length > 0) fs.writeSync(out, pending.join('\n') + '\n')
  fs.closeSync(out)
  return { documents: docs.length, findings, bytes: fs.statSync(file).size, seconds: (performance.now() - started) / 1000 }
}

async function post(url: string, key: string, file: string) {
  const started = performance.now()
  const response = await fetch(new URL('/api/v1/ingest/scans', url), {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
    body: Readable.toWeb(fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit)
  const report = await response.json()
  return { status: response.status, report, seconds: (performance.now() - started) / 1000 }
}

async function run(): Promise<void> {
  const assets = Number(values.assets)
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'patchboard-bench-ingest-'))
  const file = values.file ?? path.join(workDir, `scans-${assets}.ndjson`)
  console.log(`Generating ${assets} scan documents into ${file} …`)
  const generated = fs.existsSync(file) && values.file ? { documents: 0, findings: 0, bytes: fs.statSync(file).size, seconds: 0 } : await generate(file, assets)
  console.log(`  ${generated.documents} documents, ${generated.findings.toLocaleString('en')} findings, ${(generated.bytes / 2 ** 20).toFixed(0)} MiB in ${generated.seconds.toFixed(1)} s`)

  let url = values.url
  let key = values.key
  let server: ChildProcess | undefined
  const dataDir = path.join(workDir, 'data')
  if (!url) {
    // A fresh server of this checkout (the current build in NEXT_DIST_DIR or .next) on a free port and an empty data directory.
    const setupRun = spawnSync(process.execPath, [tsx, self, '--mode', 'setup', '--data-dir', dataDir], { encoding: 'utf8', cwd: root })
    if (setupRun.status !== 0) throw new Error(`setup failed: ${setupRun.stderr}`)
    key = setupRun.stdout.trim().split('\n').pop()
    const started = await startServer(root, dataDir, { NODE_OPTIONS: values['node-options'] })
    url = started.url
    server = started.server
  }
  if (!key) throw new Error('--key is needed with --url')
  console.log(`Posting to ${url} …`)
  const result = await post(url, key, file)
  const serverPeakRssMB = server?.pid ? treeMemoryMB(server.pid, 'VmHWM') : null
  server?.kill('SIGTERM')
  if (server) await new Promise((resolve) => server!.once('exit', resolve))
  const findings = result.report.findings ?? 0
  const summary: Record<string, unknown> = {
    status: result.status,
    documents: result.report.accepted + result.report.duplicates,
    rejected: result.report.rejected,
    findings,
    megabytes: Math.round(generated.bytes / 2 ** 20),
    seconds: Number(result.seconds.toFixed(1)),
    findingsPerSecond: Math.round(findings / result.seconds),
    serverPeakRssMB,
    nodeOptions: values['node-options'] || '(none)',
  }
  if (server) {
    const ceilingRun = spawnSync(process.execPath, [tsx, self, '--mode', 'ceiling', '--data-dir', dataDir, '--assets', String(findings)], { encoding: 'utf8', cwd: root })
    summary.engineCeiling = ceilingRun.status === 0 ? JSON.parse(ceilingRun.stdout.trim().split('\n').pop()!) : ceilingRun.stderr
  }
  console.log(JSON.stringify(summary, null, 2))
  fs.rmSync(workDir, { recursive: true, force: true })
}

if (values.mode === 'setup') await setup(values['data-dir']!)
else if (values.mode === 'ceiling') await ceiling(values['data-dir']!, Number(values.assets))
else await run()
