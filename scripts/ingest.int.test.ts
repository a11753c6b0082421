// `npm run ingest` as a user runs it: files and globs into the data directory, the report and exit code, a busy
// directory, and the same database contents as the agent API for the same files.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { NextRequest } from 'next/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as postScans } from '@/app/api/v1/ingest/scans/route'
import { closeDatabase, getDatabase, type Database } from '@/clickhouse/client'
import { runMigrations } from '@/clickhouse/migrate'
import { createDemoEstate } from '@/ingest/demo/generator'
import type { SessionUser } from '@/lib/auth/user'
import { createActivationKey } from '@/lib/services/activation-keys'

const root = path.resolve(__dirname, '..')
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'patchboard-ingest-cli-'))
const dataDir = path.join(workDir, 'data')
const inputs = path.join(workDir, 'inputs')

function runCli(args: string[]) {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/ingest.ts'), ...args], {
    cwd: root,
    env: { ...process.env, PATCHBOARD_DATA_DIR: dataDir, CLICKHOUSE_URL: '' },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

/** Table contents that do not depend on when they were received. */
async function snapshot(db: Database) {
  return {
    assets: await db.query(`SELECT * EXCEPT (updated_at) FROM assets FINAL ORDER BY asset_id`),
    findings: await db.query(`SELECT * FROM findings FINAL ORDER BY asset_id, patch_id`),
    events: await db.query(`SELECT * FROM finding_events ORDER BY asset_id, patch_id, event_at, event`),
    scans: await db.query(`SELECT * EXCEPT (received_at) FROM asset_scans ORDER BY asset_id, scanned_at, scan_id`),
    patches: await db.query(`SELECT * EXCEPT (updated_at, version) FROM patches FINAL ORDER BY patch_id`),
  }
}

let db: Database
const files: { name: string; bytes: Buffer }[] = []

beforeAll(() => {
  fs.mkdirSync(inputs)
  const estate = createDemoEstate({ assets: 25, days: 2, seed: 3, endDate: new Date('2026-11-01T00:00:00Z') })
  const [day0, day1] = [estate.scansForDay(0), estate.scansForDay(1)]
  const badLine = '{"scanId":"cli-bad","scannedAt":"2026-10-31T00:00:00Z","asset":{"id":"x"},"patches":[]}'
  files.push({ name: 'day0.ndjson', bytes: Buffer.from(`${day0.map((doc) => JSON.stringify(doc)).join('\n')}\n${badLine}\n`) })
  files.push({ name: 'day1.json.gz', bytes: zlib.gzipSync(JSON.stringify(day1)) })
  for (const file of files) fs.writeFileSync(path.join(inputs, file.name), file.bytes)
})

afterAll(async () => {
  await closeDatabase()
  fs.rmSync(workDir, { recursive: true, force: true })
})

describe('npm run ingest', () => {
  it('ingests files matched by globs with a report, and exits 1 because one document was rejected', () => {
    const { status, output } = runCli([path.join(inputs, '*.ndjson'), path.join(inputs, '*.gz')])
    expect(output).toMatch(/day0\.ndjson: 25 accepted, 1 rejected/)
    expect(output).toMatch(/line 26 \(cli-bad\): asset\.name: required field is missing \(expected text\)/)
    expect(output).toMatch(/day1\.json\.gz: \d+ accepted, 0 rejected/)
    expect(status).toBe(1)
  })

  it('says clearly when the data directory is in use, and how to send to the server instead', async () => {
    process.env.PATCHBOARD_DATA_DIR = dataDir
    db = await getDatabase()
    const { status, output } = runCli([path.join(inputs, 'day0.ndjson')])
    expect(status).toBe(1)
    expect(output).toMatch(/is in use by another process/)
    expect(output).toMatch(/--url http:\/\/localhost:3000 --key pbk_/)
  })

  it('produces the same database contents as the agent API for the same files', async () => {
    const viaCli = await snapshot(db)
    expect(viaCli.findings.length).toBeGreaterThan(1000)
    for (const table of ['assets', 'patches', 'findings', 'finding_events', 'asset_scans']) await db.command(`TRUNCATE TABLE ${table}`)
    await runMigrations(db)
    const admin = { id: 'admin', email: 'admin@test', role: 'Administrator' } as SessionUser
    const { key } = await createActivationKey(db, admin, { title: 'same', tags: [] })
    for (const file of files) {
      const response = await postScans(
        new NextRequest('http://localhost/api/v1/ingest/scans', {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': file.name.endsWith('.ndjson') ? 'application/x-ndjson' : 'application/json' },
          body: new Uint8Array(file.bytes),
        }),
      )
      expect([200, 422]).toContain(response.status)
    }
    expect(await snapshot(db)).toEqual(viaCli)
  })
})
