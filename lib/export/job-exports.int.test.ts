// Jobs and job-progress exports through their routes: the rows equal the Jobs list's and the progress page's (CSV and
// XLSX read back), dates in the user's zone, formula-looking names inert, a job the caller may not view is a 404; above
// the direct limit (1 here) POST /api/v1/exports makes them export jobs whose files hold the direct export's rows.
import fs from 'node:fs'
import '@/test/next-request-scope'
import * as XLSX from '@e965/xlsx'
import { NextRequest } from 'next/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { readExportLimits } from '@/lib/export/jobs-config'
import { formatDateTime } from '@/lib/format'
import { getExportRunner, startExportRunner, stopExportRunner } from '@/lib/export/jobs-runtime'
import { findExportJob, writeExportJob } from '@/lib/repositories/export-jobs'
import { loadRun } from '@/lib/repositories/job-runs'
import type { JobProgressView } from '@/lib/schemas/job-runs'
import type { JobView } from '@/lib/schemas/jobs'
import type { ExportJobView } from '@/lib/services/exports'
import { simulatePass } from '@/scripts/agent-simulate-pass'
import { createCaller, type Caller } from '@/test/dashboard-callers'
import { openTestDatabase } from '@/test/database'
import { eventually, queuedJob } from '@/test/export-job-fixtures'
import { ASSETS, seedJobRun, type JobRunFixture } from '@/test/job-run-fixtures'
import { inNextRequestScope } from '@/test/next-request-scope'
import { discoverRouteHandlers } from '@/test/route-harness'

let db: Database
let close: () => Promise<void>
let fixture: JobRunFixture
let outsider: Caller

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  fixture = await seedJobRun(db)
  await simulatePass(fixture.agent, ASSETS, { seed: 3 })
  // A second job, named like a formula, and an advisory-free Disabled job of the same user.
  const formula = await fixture.api(fixture.user, 'POST', '/api/v1/jobs', { basics: { name: '=HYPERLINK("http://evil","x")', type: 'Install' }, targets: null, patches: null, schedule: null })
  expect(formula.status, formula.text).toBe(200)
  outsider = await createCaller(db, 'Patch User', 'outsider@test.io', { all: false, tags: ['Site-Berlin'] })
  await startExportRunner(db, { limits: { ...readExportLimits({}), directMaxRows: 1 }, progressIntervalMs: 0 })
}, 120_000)
afterAll(async () => {
  await stopExportRunner()
  vi.restoreAllMocks()
  await close()
})

/** The route's body as bytes (the harness reads text, which would mangle an XLSX). */
async function download(caller: Caller, url: string): Promise<{ status: number; bytes: Buffer; type: string | null }> {
  const path = new URL(url, 'http://x').pathname
  const route = (await discoverRouteHandlers()).find((candidate) => candidate.method === 'GET' && candidate.path === path)!
  const request = new NextRequest(`http://patchboard.test${url}`, { headers: { host: 'patchboard.test', authorization: `Bearer ${caller.token}` } })
  const response = await inNextRequestScope(`${path}/route`, request, () => route.handler(request, { params: Promise.resolve({}) }))
  return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) }
}
const sheetRows = (bytes: Buffer, csv: boolean) => {
  const book = csv ? XLSX.read(bytes.toString('utf8'), { type: 'string', raw: true }) : XLSX.read(bytes)
  return XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]], { header: 1, raw: false, defval: '' })
}

describe('GET /api/v1/export/jobs', () => {
  it("has the Jobs list's rows for the same query and filters, in its order", async () => {
    const list = await fixture.api(fixture.user, 'GET', '/api/v1/jobs?q=&status=Enabled,Disabled&sort=name&dir=asc')
    const listed = (list.json as unknown as { rows: JobView[] }).rows
    expect(listed.length).toBe(2)
    const file = await download(fixture.user, '/api/v1/export/jobs?format=csv&status=Enabled,Disabled&sort=name&dir=asc&columns=name,status,owner,schedule,patchCount,assetCount')
    expect(file.status).toBe(200)
    expect(file.type).toBe('text/csv; charset=utf-8')
    const [header, ...rows] = sheetRows(file.bytes, true)
    expect(header).toEqual(['Name', 'Status', 'Owner', 'Schedule', 'Patches', 'Assets'])
    expect(rows).toEqual(listed.map((job) => [job.name.startsWith('=') ? `'${job.name}` : job.name, job.status, job.owner?.email ?? '', job.scheduleText, job.patchCount === null ? '' : String(job.patchCount), String(job.assetCount)]))
    expect(rows.map((row) => row[0])).toContain(`'=HYPERLINK("http://evil","x")`)
  })

  it('filters with QQL like the list, writes XLSX with the zone in date headers, and refuses unknown columns', async () => {
    const file = await download(fixture.user, '/api/v1/export/jobs?format=xlsx&q=status%3A%20Enabled&columns=name,lastRun')
    const [header, ...rows] = sheetRows(file.bytes, false)
    expect(header).toEqual(['Name', `Last run (${fixture.user.user.timeZone})`])
    expect(rows.map((row) => row[0])).toEqual(['Weekly browsers and tools'])
    const bad = await fixture.api(fixture.user, 'GET', '/api/v1/export/jobs?format=csv&columns=name,secret')
    expect(bad.status).toBe(400)
    expect(bad.json.error?.code).toBe('UNKNOWN_COLUMN')
    const preview = await fixture.api(fixture.user, 'GET', '/api/v1/export/jobs/preview?q=status%3A%20Enabled')
    expect(preview.json).toMatchObject({ ok: true, rows: 1 })
  })
})

describe('GET /api/v1/export/job-progress', () => {
  it("has one row per asset × patch of the run, equal to the progress page's assets and outcomes", async () => {
    const page = (await fixture.api(fixture.user, 'GET', `/api/v1/jobs/${fixture.job.id}/progress?pageSize=500`)).json as unknown as JobProgressView
    const expected = page.assets.rows.flatMap((asset) =>
      page.patchOutcomes.map((patch) => [asset.assetName, asset.status, patch.id, asset.patches.find((p) => p.id === patch.id)?.status ?? 'Not reported yet']),
    )
    const file = await download(fixture.user, `/api/v1/export/job-progress?job=${fixture.job.id}&format=csv&columns=asset.name,asset.status,patch.id,patch.status`)
    expect(file.status).toBe(200)
    const [header, ...rows] = sheetRows(file.bytes, true)
    expect(header).toEqual(['Asset', 'Asset status', 'Patch id', 'Patch outcome'])
    expect(rows).toEqual(expected)
    expect(rows.length).toBe(6)
  })

  it('applies the status filter and asset query of the page, and reads back as XLSX', async () => {
    const failedOrNot = (await fixture.api(fixture.user, 'GET', `/api/v1/jobs/${fixture.job.id}/progress?q=name%3A%20WKS-PUN-3`)).json as unknown as JobProgressView
    const status = failedOrNot.assets.rows[0].status
    const file = await download(fixture.user, `/api/v1/export/job-progress?job=${fixture.job.id}&format=xlsx&q=name%3A%20WKS-PUN-3&status=${encodeURIComponent(status)}`)
    const [header, ...rows] = sheetRows(file.bytes, false)
    expect(header[0]).toBe('Asset')
    expect(rows.map((row) => row[0])).toEqual(['WKS-PUN-3', 'WKS-PUN-3'])
  })

  it("answers 404 for a job the caller may not view, before any byte", async () => {
    const answer = await fixture.api(outsider, 'GET', `/api/v1/export/job-progress?job=${fixture.job.id}&format=csv`)
    expect(answer.status).toBe(404)
  })
})

describe('Jobs and job-progress exports above the direct limit', () => {
  const start = (body: Record<string, unknown>) => fixture.api(fixture.user, 'POST', '/api/v1/exports', body)
  const finished = (id: string) =>
    eventually(async () => {
      const status = (await fixture.api(fixture.user, 'GET', `/api/v1/exports/${id}`)).json as unknown as ExportJobView
      return status.status !== 'queued' && status.status !== 'running' && status
    })
  const fileOf = async (id: string) => fs.readFileSync((await findExportJob(db, id))!.filePath)

  it('a Jobs export becomes a job whose XLSX holds the direct export\'s rows; audited as export.job', async () => {
    const preview = await fixture.api(fixture.user, 'GET', '/api/v1/export/jobs/preview?status=Enabled,Disabled&sort=name&dir=asc')
    expect(preview.json).toMatchObject({ ok: true, rows: 2, directMaxRows: 1, explain: 'jobs: status Enabled or Disabled' })
    // The dialog names the filters as the Jobs list does, the schedule too.
    const filtered = await fixture.api(fixture.user, 'GET', '/api/v1/export/jobs/preview?scheduleType=Weekly&mine=true')
    expect(filtered.json).toMatchObject({ ok: true, explain: 'jobs: schedule Weekly, created by you' })
    const columns = ['name', 'status', 'owner', 'schedule', 'patchCount', 'assetCount', 'lastRun']
    const started = await start({ entity: 'jobs', format: 'xlsx', q: '', v: 2, columns, options: { status: 'Enabled,Disabled', sort: 'name', dir: 'asc' } })
    expect(started.status, started.text).toBe(202)
    expect(started.json).toMatchObject({ status: 'queued', entity: 'jobs', title: 'Jobs', rowsTotal: 2, columns })
    const done = await finished(String(started.json.id))
    expect(done).toMatchObject({ status: 'done', rowsWritten: 2, percent: 100, title: 'Jobs', description: 'Status: Enabled or Disabled' })
    const direct = await download(fixture.user, `/api/v1/export/jobs?format=xlsx&status=Enabled,Disabled&sort=name&dir=asc&columns=${columns.join(',')}`)
    const rows = sheetRows(await fileOf(done.id), false)
    expect(rows).toEqual(sheetRows(direct.bytes, false))
    expect(rows.length).toBe(3)
    const downloaded = await fixture.api(fixture.user, 'GET', done.downloadUrl!)
    expect(downloaded.status).toBe(200)
    const [audit] = await db.query<{ after: string }>("SELECT after FROM audit_log WHERE action = 'export.job' AND entity_id = {id:String}", { id: done.id })
    expect(JSON.parse(audit.after)).toMatchObject({ entity: 'jobs', format: 'xlsx', query: '', columns, rows: 2, bytes: done.bytes })
  })

  it('a job-progress export names the job on My exports, keeps the run on screen, and its CSV equals the direct one', async () => {
    const columns = ['asset.name', 'asset.status', 'patch.id', 'patch.status', 'reported']
    const started = await start({ entity: 'jobProgress', format: 'csv', columns, bom: true, options: { job: fixture.job.id } })
    expect(started.status, started.text).toBe(202)
    expect(started.json).toMatchObject({ title: 'Job progress: Weekly browsers and tools', rowsTotal: 6 })
    const stored = await findExportJob(db, String(started.json.id))
    expect(JSON.parse(stored!.sourceOptions)).toEqual({ job: fixture.job.id, runId: fixture.runId, q: '' })
    const done = await finished(String(started.json.id))
    expect(done).toMatchObject({ status: 'done', rowsWritten: 6 })
    const direct = await download(fixture.user, `/api/v1/export/job-progress?job=${fixture.job.id}&runId=${fixture.runId}&format=csv&bom=1&columns=${columns.join(',')}`)
    const file = await fileOf(done.id)
    expect(file.equals(direct.bytes)).toBe(true)
    expect(sheetRows(file, true).length).toBe(7)
    const mine = (await fixture.api(fixture.user, 'GET', '/api/v1/exports')).json.jobs as ExportJobView[]
    const listed = mine.find((job) => job.id === done.id)!
    expect(listed.title).toBe('Job progress: Weekly browsers and tools')
    // The run by its time in words, not the stored "job <id> run <id>" (the query keeps it, as the audit entry does).
    const run = (await loadRun(db, fixture.runId))!
    expect(listed.description).toBe(`Run of ${formatDateTime(run.scheduledAt, fixture.user.user.timeZone, { zone: true })}`)
    expect(listed.query).toBe(`job ${fixture.job.id} run ${fixture.runId}`)
    const [audit] = await db.query<{ after: string }>("SELECT after FROM audit_log WHERE action = 'export.job' AND entity_id = {id:String}", { id: done.id })
    expect(JSON.parse(audit.after)).toMatchObject({ entity: 'jobProgress', query: `job ${fixture.job.id} run ${fixture.runId}`, rows: 6 })
  })

  it('refuses bad options with a 400 before queueing, and a job may not view is a 404', async () => {
    const bad = await start({ entity: 'jobs', format: 'csv', options: { status: 'Sleeping' } })
    expect(bad.status).toBe(400)
    expect(bad.json.error?.code).toBe('INVALID_EXPORT_OPTIONS')
    const notForFindings = await start({ entity: 'findings', format: 'csv', options: { job: 'x' } })
    expect(notForFindings.status).toBe(400)
    const hidden = await fixture.api(outsider, 'POST', '/api/v1/exports', { entity: 'jobProgress', format: 'csv', options: { job: fixture.job.id } })
    expect(hidden.status).toBe(404)
  })

  it('My exports names a run by its time only while its job is viewable: else by a short id', async () => {
    const options = JSON.stringify({ job: fixture.job.id, runId: fixture.runId, status: 'Failed', q: '' })
    const record = await writeExportJob(db, queuedJob(outsider.user, { entity: 'jobProgress', sourceOptions: options, status: 'failed', title: 'Job progress: Weekly browsers and tools' }))
    const mine = (await fixture.api(outsider, 'GET', '/api/v1/exports')).json.jobs as ExportJobView[]
    expect(mine.find((job) => job.id === record.id)?.description).toBe(`Run ${fixture.runId.slice(4, 12)} · Status: Failed`)
  })

  it('a stored option that no longer validates fails the job with the reason, not a crash', async () => {
    const user = fixture.user.user
    const bad = await writeExportJob(db, queuedJob(user, { entity: 'jobs', sourceOptions: JSON.stringify({ status: 'Sleeping' }) }))
    const unreadable = await writeExportJob(db, queuedJob(user, { entity: 'jobProgress', sourceOptions: '{not json' }))
    const gone = await writeExportJob(db, queuedJob(user, { entity: 'jobProgress', sourceOptions: JSON.stringify({ job: 'no-such-job' }) }))
    await (await getExportRunner()).pump()
    const failed = await Promise.all([bad, unreadable, gone].map((job) => finished(job.id)))
    expect(failed.map((job) => job.status)).toEqual(['failed', 'failed', 'failed'])
    expect(failed[0].error).toMatch(/^This export cannot run: The Jobs list's parameters are not valid: status: Invalid option: .*\. Export again from the list\.$/)
    expect(failed[1].error).toBe('The saved options of this export cannot be read. Export again from the list.')
    expect(failed[2].error).toBe('This export cannot run: No such job, or it is neither yours nor one you co-author.')
  })
})
