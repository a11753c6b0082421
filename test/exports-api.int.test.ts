// Export jobs through the route handlers: start, status, download (a real file from the core export, audited), cancel,
// ownership (another user gets 404, with a recorded decision), two running per user, the row limit, bad input, expiry and
// a job a restart interrupted.
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { seedDemoEstate } from '@/ingest/seed'
import { generateApiToken } from '@/lib/auth/api-tokens'
import type { Role } from '@/lib/auth/user'
import { readExportLimits } from '@/lib/export/jobs-config'
import { getExportRunner, startExportRunner, stopExportRunner } from '@/lib/export/jobs-runtime'
import { findExportJob, writeExportJob } from '@/lib/repositories/export-jobs'
import { insertApiToken } from '@/lib/repositories/api-tokens'
import { createUser, saveUser, type UserRecord } from '@/lib/repositories/users'
import type { ExportJobView } from '@/lib/services/exports'
import { openTestDatabase } from './database'
import { eventually, gatedExporter, queuedJob } from './export-job-fixtures'
import { callRoute, discoverRouteHandlers, type RouteHandler } from './route-harness'

let db: Database
let close: () => Promise<void>
let routes: RouteHandler[]
const people: Record<'ada' | 'eve' | 'berlin', { user: UserRecord; token: string }> = {} as never

async function person(email: string, role: Role) {
  const user = await createUser(db, { email, name: email, role, scope: { all: true, tags: [] }, passwordHash: '' })
  const generated = generateApiToken()
  await insertApiToken(db, { id: generated.id, userId: user.id, name: 'test', secretHash: generated.secretHash, createdAt: new Date().toISOString(), expiresAt: null })
  return { user, token: generated.token }
}

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  await seedDemoEstate(db, { assets: 20, days: 1, seed: 11, endDate: new Date('2026-11-01T00:00:00Z') })
  people.ada = await person('ada@test.io', 'Patch Reader')
  people.eve = await person('eve@test.io', 'Administrator')
  routes = await discoverRouteHandlers()
  await startExportRunner(db, { progressIntervalMs: 0 })
})
afterAll(async () => {
  await stopExportRunner()
  await close()
})

function call(method: RouteHandler['method'], url: string, who: keyof typeof people, body?: unknown) {
  const pathname = url.split('?')[0]
  const route = routes.find((candidate) => candidate.method === method && new RegExp(`^${candidate.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(pathname) && !(candidate.path.endsWith('{id}') && pathname.endsWith('/preview')))
  if (!route) throw new Error(`no route ${method} ${url}`)
  return callRoute(route, { url, token: people[who].token, body })
}

const view = (answer: { json: unknown }) => answer.json as unknown as ExportJobView
const start = (who: keyof typeof people, body: Record<string, unknown>) => call('POST', '/api/v1/exports', who, { entity: 'findings', format: 'csv', ...body })

describe('export jobs API', () => {
  it('previews an export: the query in words with the scope, the row count, the columns with headers, the limits', async () => {
    const answer = await call('GET', '/api/v1/exports/preview?entity=findings&q=status%3A%20Missing', 'ada')
    expect(answer.status).toBe(200)
    const list = await call('GET', '/api/v1/findings?q=status%3A%20Missing', 'ada')
    expect(answer.json).toMatchObject({ ok: true, rows: list.json.total, explain: 'Findings where status is Missing, in your tag scope', directMaxRows: 10_000, maxRows: 5_000_000 })
    expect(answer.json.columns).toContainEqual({ id: 'patch.title', header: 'Patch title', default: true })
  })

  it('starts a job, reports its progress, and the owner downloads the file; the export is in the audit log', async () => {
    const started = await start('ada', { q: 'status: Missing', columns: ['asset.name', 'patch.title', 'status'] })
    expect(started.status).toBe(202)
    expect(view(started)).toMatchObject({ status: 'queued', entity: 'findings', columns: ['asset.name', 'patch.title', 'status'] })
    const done = await eventually(async () => {
      const status = view(await call('GET', `/api/v1/exports/${view(started).id}`, 'ada'))
      return status.status === 'done' && status
    })
    expect(done).toMatchObject({ percent: 100, downloadUrl: `/api/v1/exports/${done.id}/download` })
    expect(done.rowsWritten).toBe(done.rowsTotal)
    const file = await call('GET', done.downloadUrl!, 'ada')
    expect(file.status).toBe(200)
    const lines = file.text.trimEnd().split(/\r?\n/)
    expect(lines[0]).toBe('Asset name,Patch title,Status')
    expect(lines.length - 1).toBe(done.rowsWritten)
    expect(lines.slice(1).every((line) => /,"?Missing"?$/.test(line))).toBe(true)
    const mine = await call('GET', '/api/v1/exports', 'ada')
    expect((mine.json.jobs as ExportJobView[]).map((job) => job.id)).toContain(done.id)
    const [audit] = await db.query<{ actor: string; after: string }>("SELECT actor_email AS actor, after FROM audit_log WHERE action = 'export.job' AND entity_id = {id:String}", { id: done.id })
    expect(audit.actor).toBe('ada@test.io')
    expect(JSON.parse(audit.after)).toEqual({ entity: 'findings', format: 'csv', query: 'status: Missing', version: 2, columns: ['asset.name', 'patch.title', 'status'], rows: done.rowsWritten, bytes: done.bytes })
  })

  it("a job exports only the rows in its owner's tag scope (the scope of when it runs)", async () => {
    const berlin = await person('berlin@test.io', 'Patch Reader')
    await saveUser(db, berlin.user, { scope: { all: false, tags: ['Site-Berlin'] } })
    people.berlin = berlin
    const job = view(await start('berlin', { entity: 'assets', columns: ['name', 'tags.name'] }))
    const done = await eventually(async () => {
      const status = view(await call('GET', `/api/v1/exports/${job.id}`, 'berlin'))
      return status.status === 'done' && status
    })
    const lines = (await call('GET', done.downloadUrl!, 'berlin')).text.trimEnd().split(/\r?\n/).slice(1)
    const [{ inScope }] = await db.query<{ inScope: number }>("SELECT toUInt32(count()) AS inScope FROM assets FINAL WHERE has(tags, 'Site-Berlin')")
    expect(lines.length).toBe(Number(inScope))
    expect(lines.length).toBeGreaterThan(0)
    expect(lines.every((line) => line.includes('Site-Berlin'))).toBe(true)
  })

  it('another user (an Administrator too) gets 404 for status, cancel and download, and the refusal is a recorded decision', async () => {
    const job = view(await start('ada', {}))
    await eventually(async () => view(await call('GET', `/api/v1/exports/${job.id}`, 'ada')).status === 'done')
    for (const [method, url] of [['GET', `/api/v1/exports/${job.id}`], ['POST', `/api/v1/exports/${job.id}/cancel`], ['GET', `/api/v1/exports/${job.id}/download`]] as const) {
      const answer = await call(method, url, 'eve')
      expect(answer.status, `${method} ${url}`).toBe(404)
      expect(answer.made).toContainEqual({ by: 'resource', resource: `exportJob:${job.id}`, allowed: false })
    }
    expect((await call('GET', '/api/v1/exports', 'eve')).json.jobs).toEqual([])
  })

  it('runs two jobs of a user at a time (the third waits queued); cancel stops a queued and a running one', async () => {
    const gate = gatedExporter({ waitForRelease: true })
    await startExportRunner(db, { exporter: gate.exporter, progressIntervalMs: 0 })
    const ids: string[] = []
    for (let i = 0; i < 3; i++) ids.push(view(await start('ada', {})).id)
    await eventually(async () => gate.started.length === 2)
    const statuses = async () => Promise.all(ids.map(async (id) => view(await call('GET', `/api/v1/exports/${id}`, 'ada')).status))
    expect(await statuses()).toEqual(['running', 'running', 'queued'])
    const canceledQueued = await call('POST', `/api/v1/exports/${ids[2]}/cancel`, 'ada')
    expect(view(canceledQueued)).toMatchObject({ status: 'canceled', error: 'Canceled by ada@test.io before it started.' })
    const canceledRunning = await call('POST', `/api/v1/exports/${ids[0]}/cancel`, 'ada')
    expect(view(canceledRunning).status).toBe('canceled')
    expect((await call('POST', `/api/v1/exports/${ids[0]}/cancel`, 'ada')).json.error?.code).toBe('EXPORT_FINISHED')
    expect((await call('GET', `/api/v1/exports/${ids[1]}/download`, 'ada')).json.error?.code).toBe('EXPORT_NOT_READY')
    gate.finishAll()
    await (await getExportRunner()).idle()
    expect(await statuses()).toEqual(['canceled', 'done', 'canceled'])
    await startExportRunner(db, { progressIntervalMs: 0 })
  })

  it('refuses an export above PATCHBOARD_EXPORT_MAX_ROWS at once, with the count and the limit (413)', async () => {
    await startExportRunner(db, { limits: { ...readExportLimits(), maxRows: 10 } })
    const answer = await start('ada', {})
    expect(answer.status).toBe(413)
    expect(answer.json.error).toMatchObject({ code: 'EXPORT_TOO_LARGE' })
    expect(answer.json.error?.message).toMatch(/^This export matches [\d,]+ rows, above the limit of 10 rows per export \(PATCHBOARD_EXPORT_MAX_ROWS\)/)
    await startExportRunner(db, { progressIntervalMs: 0 })
  })

  it('answers bad input with a 400 naming the problem', async () => {
    expect((await start('ada', { columns: ['asset.name', 'nope'] })).json.error).toMatchObject({ code: 'UNKNOWN_COLUMN', message: expect.stringMatching(/nope/) })
    expect((await start('ada', { q: 'status: (' })).json.error?.code).toBe('INVALID_QUERY')
    expect((await start('ada', { format: 'pdf' })).status).toBe(400)
    expect((await call('GET', '/api/v1/exports/not-an-id', 'ada')).status).toBe(400)
  })

  it('deletes the file after 24 hours: the job reads expired and its download says so', async () => {
    const job = view(await start('ada', { format: 'xlsx' }))
    await eventually(async () => view(await call('GET', `/api/v1/exports/${job.id}`, 'ada')).status === 'done')
    const stored = (await findExportJob(db, job.id))!
    expect(fs.existsSync(stored.filePath)).toBe(true)
    const later = new Date(Date.parse(stored.expiresAt!) + 1000)
    await startExportRunner(db, { now: () => later })
    const expired = view(await call('GET', `/api/v1/exports/${job.id}`, 'ada'))
    expect(expired).toMatchObject({ status: 'expired', downloadUrl: null })
    expect(fs.existsSync(stored.filePath)).toBe(false)
    expect((await call('GET', `/api/v1/exports/${job.id}/download`, 'ada')).json.error?.code).toBe('EXPORT_EXPIRED')
    await startExportRunner(db, { progressIntervalMs: 0 })
  })

  it('after a restart, a job that was running reads failed with the reason — never stuck at 63 %', async () => {
    const stuck = await writeExportJob(db, queuedJob(people.ada.user, { status: 'running', rowsWritten: 63, rowsTotal: 100, startedAt: new Date().toISOString() }))
    await startExportRunner(db, { progressIntervalMs: 0 })
    const status = view(await call('GET', `/api/v1/exports/${stuck.id}`, 'ada'))
    expect(status).toMatchObject({ status: 'failed', etaSeconds: null })
    expect(status.error).toBe('Interrupted: the server restarted while this export was running at 63 % (63 of 100 rows). Start it again.')
  })
})
