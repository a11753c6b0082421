// Benchmark: demo-estate seed throughput (scan documents/s, findings/s) through the scan writer, in a fresh data dir.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { assets: { type: 'string', default: '20000' }, days: { type: 'string', default: '3' } } })
const assets = Number(values.assets)
const days = Number(values.days)
if (!Number.isInteger(assets) || assets < 1 || !Number.isInteger(days) || days < 1) {
  console.error('usage: npm run bench:seed -- --assets N --days D')
  process.exit(1)
}

process.env.PATCHBOARD_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'patchboard-bench-seed-'))
const { getDatabase, closeDatabase } = await import('@/clickhouse/client')
const { runMigrations } = await import('@/clickhouse/migrate')
const { seedDemoEstate } = await import('@/ingest/seed')

const db = await getDatabase()
await runMigrations(db)
let peakRss = 0
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200)
const summary = await seedDemoEstate(db, { assets, days, seed: 1 }, (p) => {
  if (p.scans % 10_000 < 2_000) console.log(`  day ${p.day + 1}/${p.days}: ${p.scans} scans, ${p.findings} findings`)
})
clearInterval(sampler)
const [rows] = await db.query<{ findings: number; events: number }>(
  'SELECT (SELECT toUInt64(count()) FROM findings FINAL WHERE is_deleted = 0) AS findings, (SELECT toUInt64(count()) FROM finding_events) AS events',
)
console.log(JSON.stringify({ ...summary, currentFindings: rows.findings, events: rows.events, peakRssMB: Math.round(peakRss / 2 ** 20) }, null, 2))
await closeDatabase()
fs.rmSync(process.env.PATCHBOARD_DATA_DIR, { recursive: true, force: true })
