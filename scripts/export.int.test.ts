// `npm run export` as a user runs it: from the data directory (a real XLSX, read back), a busy directory named with
// the way out, and through a server (the route handlers behind a local HTTP server) with a personal API token.
import '@/test/next-request-scope'
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import * as XLSX from '@e965/xlsx'
import { NextRequest } from 'next/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeDatabase, getDatabase, type Database } from '@/clickhouse/client'
import { runMigrations } from '@/clickhouse/migrate'
import { seedDemoEstate } from '@/ingest/seed'
import { generateApiToken } from '@/lib/auth/api-tokens'
import { startExportRunner, stopExportRunner } from '@/lib/export/jobs-runtime'
import { insertApiToken } from '@/lib/repositories/api-tokens'
import { createUser } from '@/lib/repositories/users'
import { discoverRouteHandlers, type RouteHandler } from '@/test/route-harness'
import { inNextRequestScope } from '@/test/next-request-scope'

const root = path.resolve(__dirname, '..')
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'patchboard-export-cli-'))
const dataDir = path.join(workDir, 'data')
const QUERY = 'status: Missing and patch.vendorSeverity: Critical'

const cliArgs = (args: string[]) => [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/export.ts'), ...args]
const cliEnv = { ...process.env, PATCHBOARD_DATA_DIR: dataDir, CLICKHOUSE_URL: '' }

function runCli(args: string[]) {
  const result = spawnSync(process.execPath, cliArgs(args), { cwd: root, env: cliEnv, encoding: 'utf8', timeout: 120_000 })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

/** The same, without blocking this process (which serves the HTTP API the CLI talks to). */
function runCliAsync(args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, cliArgs(args), { cwd: root, env: cliEnv })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('close', (status) => resolve({ status, output }))
  })
}

function sheetRows(file: string): unknown[][] {
  const workbook = XLSX.read(fs.readFileSync(file))
  return workbook.SheetNames.flatMap((name, index) => XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[name], { header: 1 }).slice(index === 0 ? 0 : 1))
}

let db: Database
let expected: number

beforeAll(async () => {
  process.env.PATCHBOARD_DATA_DIR = dataDir
  delete process.env.CLICKHOUSE_URL
  const seeding = await getDatabase()
  await runMigrations(seeding)
  await seedDemoEstate(seeding, { assets: 15, days: 1, seed: 5, endDate: new Date('2026-11-01T00:00:00Z') })
  const [row] = await seeding.query<{ n: number }>(
    "SELECT toUInt32(count()) AS n FROM findings AS f FINAL JOIN patches AS p FINAL ON p.patch_id = f.patch_id WHERE f.is_deleted = 0 AND f.status = 'Missing' AND p.vendor_severity = 'Critical'",
  )
  expected = Number(row.n)
  await closeDatabase()
})

afterAll(async () => {
  await stopExportRunner()
  await closeDatabase()
  fs.rmSync(workDir, { recursive: true, force: true })
})

describe('npm run export', () => {
  it('exports from the data directory when no server holds it: a real XLSX with the matching rows, and a progress bar', () => {
    const out = path.join(workDir, 'critical.xlsx')
    const { status, output } = runCli(['--entity', 'findings', '--q', QUERY, '--columns', 'asset.name,patch.title,patch.vendorSeverity,status', '--out', out])
    expect(output).toMatch(/Exporting findings \[.*\] 100% \| \d+\/\d+ rows/)
    expect(output).toContain(`${out}: ${expected.toLocaleString('en')} rows, XLSX`)
    expect(status).toBe(0)
    const rows = sheetRows(out)
    expect(rows[0]).toEqual(['Asset name', 'Patch title', 'Patch vendor severity', 'Status'])
    expect(rows.length - 1).toBe(expected)
    expect(expected).toBeGreaterThan(0)
    expect(rows.slice(1).every((row) => row[2] === 'Critical' && row[3] === 'Missing')).toBe(true)
    expect(fs.existsSync(`${out}.part`)).toBe(false)
  })

  it('refuses an unknown column with the reason and exit code 1, leaving no file', () => {
    const out = path.join(workDir, 'bad.csv')
    const bad = runCli(['--entity', 'findings', '--columns', 'asset.name,nope', '--out', out])
    expect(bad.output).toMatch(/patchboard: Unknown findings column: nope/)
    expect(bad.status).toBe(1)
    expect(fs.existsSync(out)).toBe(false)
  })

  it('says clearly when the data directory is in use, and how to export through the server instead', async () => {
    db = await getDatabase()
    const { status, output } = runCli(['--entity', 'findings', '--out', path.join(workDir, 'busy.csv')])
    expect(status).toBe(1)
    expect(output).toMatch(/is in use by another process/)
    expect(output).toMatch(/npm run export -- --url http:\/\/localhost:3000 --token pbt_/)
  })

  it('through a running server: starts a job with the API token, follows its progress, downloads the file', async () => {
    await startExportRunner(db, { progressIntervalMs: 0 })
    const routes = await discoverRouteHandlers()
    const server = http.createServer((req, res) => void serve(routes, req, res))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const user = await createUser(db, { email: 'analyst@test.io', name: 'Analyst', role: 'Patch Reader', scope: { all: true, tags: [] }, passwordHash: '' })
      const generated = generateApiToken()
      await insertApiToken(db, { id: generated.id, userId: user.id, name: 'cli', secretHash: generated.secretHash, createdAt: new Date().toISOString(), expiresAt: null })
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const out = path.join(workDir, 'via-server.csv')
      const { status, output } = await runCliAsync(['--url', url, '--token', generated.token, '--entity', 'findings', '--q', QUERY, '--bom', '--out', out])
      expect(output).toContain(`${out}: ${expected.toLocaleString('en')} rows, CSV`)
      expect(status).toBe(0)
      const text = fs.readFileSync(out, 'utf8')
      expect(text.startsWith('\uFEFF')).toBe(true)
      expect(text.trimEnd().split(/\r?\n/).length - 1).toBe(expected)
      const [audit] = await db.query<{ actor: string }>("SELECT actor_email AS actor FROM audit_log WHERE action = 'export.job'")
      expect(audit.actor).toBe('analyst@test.io')
      const refused = await runCliAsync(['--url', url, '--token', 'pbt_wrong', '--entity', 'findings', '--out', path.join(workDir, 'refused.csv')])
      expect(refused.output).toMatch(/patchboard: The API token is unknown/)
      expect(refused.status).toBe(1)
    } finally {
      server.close()
    }
  })
})

/** Hands a request to the route handler Next would pick (static segments before [id]), in its request scope. */
async function serve(routes: RouteHandler[], req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const candidates = routes.filter((route) => route.method === req.method && new RegExp(`^${route.path.replace(/\{\w+\}/g, '([^/]+)')}$`).test(url.pathname))
  const route = candidates.find((candidate) => !candidate.path.includes('{')) ?? candidates[0]
  if (!route) {
    res.writeHead(404).end()
    return
  }
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1])
  const values = new RegExp(`^${route.path.replace(/\{\w+\}/g, '([^/]+)')}$`).exec(url.pathname)!.slice(1)
  const headers = Object.fromEntries(Object.entries(req.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
  const request = new NextRequest(url, { method: req.method, headers, body: chunks.length > 0 ? Buffer.concat(chunks) : undefined })
  const page = `/${path.dirname(path.relative('app', route.file)).split(path.sep).join('/')}/route`
  const response = await inNextRequestScope(page, request, () => route.handler(request, { params: Promise.resolve(Object.fromEntries(names.map((name, i) => [name, values[i]]))) }))
  res.writeHead(response.status, Object.fromEntries(response.headers))
  res.end(Buffer.from(await response.arrayBuffer()))
}
