// Job progress and the agent loop over the real engine: agents fetch their runs and report through the ingest route; the
// progress (counts, percent, per-patch outcomes, asset page, filters, viewer scope), the list's latest-run progress and
// the Failed patch installs widget read those results. Expectations are computed by hand in the comments.
import '@/test/next-request-scope'
import { NextRequest } from 'next/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import fc from 'fast-check'
import { GET as getAgentJobs } from '@/app/api/v1/agent/jobs/route'
import { POST as postJobResults } from '@/app/api/v1/ingest/job-results/route'
import { GET as getProgress } from '@/app/api/v1/jobs/[id]/progress/route'
import { POST as postRun } from '@/app/api/v1/jobs/[id]/run/route'
import { generateApiToken } from '@/lib/auth/api-tokens'
import { insertApiToken } from '@/lib/repositories/api-tokens'
import { toSessionUser, type SessionUser } from '@/lib/auth/user'
import { WidgetResultCache } from '@/lib/dashboards/cache'
import { runWidgets } from '@/lib/dashboards/run'
import { seedEstate, seedUser, storedJob } from '@/lib/jobs/run-fixtures'
import { latestRunProgress } from '@/lib/repositories/job-runs'
import { writeJob } from '@/lib/repositories/jobs'
import type { UserRecord } from '@/lib/repositories/users'
import { inNextRequestScope } from '@/test/next-request-scope'
import { openTestDatabase } from '@/test/database'
import { presentWidget } from '@/widgets/present'
import { widgetSchema } from '@/widgets/schema'
import { createActivationKey } from './activation-keys'
import { jobProgress, jobProgressQuery } from './job-progress'
import { agentJobs } from './job-runs-agent'
import { createRun } from './job-runs'

let db: Database
let close: () => Promise<void>
let owner: UserRecord
let workstationsManager: SessionUser
let reader: SessionUser
let agentKey: string
let ownerToken: string
let runId: string

const MINUTE = 60_000
const scheduledAt = new Date(Math.floor((Date.now() - 10 * MINUTE) / MINUTE) * MINUTE)
const reportAt = (minutesAfter: number) => new Date(scheduledAt.getTime() + minutesAfter * MINUTE).toISOString()

async function agentCall(handler: (request: NextRequest) => Promise<Response>, path: string, init: { method?: string; body?: string; key?: string } = {}) {
  const request = new NextRequest(`http://patchboard.test${path}`, {
    method: init.method ?? 'GET',
    headers: { host: 'patchboard.test', authorization: `Bearer ${init.key ?? agentKey}`, ...(init.body ? { 'content-type': 'application/x-ndjson' } : {}) },
    body: init.body,
  })
  const page = path.startsWith('/api/v1/agent') ? '/api/v1/agent/jobs/route' : '/api/v1/ingest/job-results/route'
  const response = await inNextRequestScope(page, request, () => handler(request))
  return { status: response.status, body: await response.json() }
}
const report = (assetId: string, status: string, minutesAfter: number, patches: { id: string; status: string; message?: string }[] = []) =>
  JSON.stringify({ jobId: 'j-progress', runId, assetId, status, reportedAt: reportAt(minutesAfter), patches })
const progress = (user: SessionUser, query: Record<string, string> = {}, jobId = 'j-progress') => jobProgress(db, user, jobId, jobProgressQuery.parse(query))

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  await seedEstate(db)
  owner = await seedUser(db, 'owner@example.test', 'Patch User', { all: false, tags: ['Site-Berlin'] })
  workstationsManager = toSessionUser(await seedUser(db, 'ws-manager@example.test', 'Patch Manager', { all: false, tags: ['Workstations'] }))
  reader = toSessionUser(await seedUser(db, 'reader@example.test', 'Patch Reader', { all: true, tags: [] }))
  const generated = generateApiToken()
  await insertApiToken(db, { id: generated.id, userId: owner.id, name: 'test', secretHash: generated.secretHash, createdAt: new Date().toISOString(), expiresAt: null })
  ownerToken = generated.token
  agentKey = (await createActivationKey(db, { id: 'u-admin', email: 'admin@example.test' }, { title: 'Berlin agents', tags: ['Site-Berlin'] })).key
  // Berlin: BER-1, BER-2 (workstations) and BER-SRV; two patches, a 4 h window from now.
  const job = await writeJob(db, storedJob('j-progress', owner, { targets: { ...storedJob('x', owner).targets, tags: ['Site-Berlin'] } }))
  ;({ runId } = await createRun(db, job, scheduledAt, 'manual'))
  await writeJob(db, storedJob('j-never-ran', owner))
  await writeJob(db, storedJob('j-disabled', owner, { status: 'Disabled' }))
})
afterAll(async () => close())

describe('the agent loop', () => {
  it('an agent fetches its open run with the patch list, options and window', async () => {
    const answer = await agentCall(getAgentJobs, '/api/v1/agent/jobs?assetId=a-ber-1')
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({
      assetId: 'a-ber-1',
      runs: [
        {
          jobId: 'j-progress', runId, name: 'Job j-progress', type: 'Install', scheduledAt: scheduledAt.toISOString(), windowEndsAt: expect.any(String),
          patchIds: ['p-new', 'p-old'], downloadRandomizationMinutes: 30, opportunisticDownload: true,
          options: { reboot: { mode: 'allow' }, messages: { before: '', during: '', after: '' } }, status: 'Assigned',
        },
      ],
    })
  })

  it('answers 400 without an asset id, 404 for an unknown asset or one outside the key\'s tags', async () => {
    expect((await agentCall(getAgentJobs, '/api/v1/agent/jobs')).status).toBe(400)
    expect((await agentCall(getAgentJobs, '/api/v1/agent/jobs?assetId=nope')).status).toBe(404)
    expect((await agentCall(getAgentJobs, '/api/v1/agent/jobs?assetId=a-aus-1')).status).toBe(404)
  })

  it('results for the run ids it was given are accepted; the latest report per asset wins; a finished asset stops getting the run', async () => {
    const body = [
      report('a-ber-1', 'Downloading', 1),
      report('a-ber-1', 'Installed', 5, [{ id: 'p-new', status: 'Installed' }, { id: 'p-old', status: 'Not Applicable' }]),
      report('a-ber-2', 'Failed', 6, [{ id: 'p-new', status: 'Failed', message: 'Error 0x80070005' }, { id: 'p-old', status: 'Installed' }]),
    ].join('\n')
    const answer = await agentCall(postJobResults, '/api/v1/ingest/job-results', { method: 'POST', body })
    expect(answer.body).toMatchObject({ accepted: 3, rejected: 0 })
    expect((await agentJobs(db, 'a-ber-1', [])).runs).toEqual([])
    expect((await agentJobs(db, 'a-ber-2', [])).runs).toEqual([])
    expect((await agentJobs(db, 'a-ber-srv', [])).runs.map((run) => run.status)).toEqual(['Assigned'])
  })

  it('a run whose window has closed is no longer handed out', async () => {
    expect((await agentJobs(db, 'a-ber-srv', [], new Date(scheduledAt.getTime() + 5 * 60 * MINUTE))).runs).toEqual([])
  })
})

describe('job progress', () => {
  it('the owner sees every asset: 1 installed, 1 failed, 1 waiting → 2 of 3 finished, 66.7 %', async () => {
    const view = await progress(toSessionUser(owner))
    expect(view.run).toMatchObject({ runId, assetCount: 3 })
    expect(view.runs.map((run) => run.runId)).toEqual([runId])
    expect(view.counts).toEqual({ Installed: 1, Failed: 1, Assigned: 1 })
    expect(view).toMatchObject({ total: 3, finished: 2, failed: 1, percent: 66.7 })
    expect(view.patchOutcomes).toEqual([
      { id: 'p-new', title: 'Chrome 131', counts: { Installed: 1, Failed: 1 } },
      { id: 'p-old', title: 'Zoom 6.2', counts: { 'Not Applicable': 1, Installed: 1 } },
    ])
    expect(view.assets.total).toBe(3)
    expect(view.assets.rows.map((row) => [row.assetName, row.status])).toEqual([['BER-1', 'Installed'], ['BER-2', 'Failed'], ['BER-SRV', 'Assigned']])
    expect(view.assets.rows[1]).toMatchObject({
      message: '',
      reportedAt: reportAt(6),
      patches: [
        { id: 'p-new', title: 'Chrome 131', status: 'Failed', message: 'Error 0x80070005' },
        { id: 'p-old', title: 'Zoom 6.2', status: 'Installed', message: '' },
      ],
    })
    expect(view.assets.rows[2]).toMatchObject({ reportedAt: null, patches: [] })
  })

  it('a viewer sees only the assets in their own tag scope (Workstations: BER-1 and BER-2 → 2 of 2, 100 %)', async () => {
    const view = await progress(workstationsManager)
    expect(view.counts).toEqual({ Installed: 1, Failed: 1 })
    expect(view).toMatchObject({ total: 2, finished: 2, failed: 1, percent: 100 })
    expect(view.run?.assetCount).toBe(2)
    expect(view.assets.rows.map((row) => row.assetId)).toEqual(['a-ber-1', 'a-ber-2'])
  })

  it('the status filter narrows the asset page; the asset query narrows everything', async () => {
    const failed = await progress(toSessionUser(owner), { status: 'Failed,Pending Reboot' })
    expect(failed.assets).toMatchObject({ total: 1, rows: [{ assetId: 'a-ber-2' }] })
    expect(failed.total).toBe(3)
    const servers = await progress(toSessionUser(owner), { q: 'tags.name: Servers' })
    expect(servers).toMatchObject({ counts: { Assigned: 1 }, total: 1, finished: 0, percent: 0 })
    expect(servers.patchOutcomes.map((outcome) => outcome.counts)).toEqual([{}, {}])
  })

  it('pages the assets by name', async () => {
    const second = await progress(toSessionUser(owner), { page: '2', pageSize: '2' })
    expect(second.assets).toMatchObject({ total: 3, page: 2, pageSize: 2, rows: [{ assetName: 'BER-SRV' }] })
  })

  it('refuses bad input with 4xx: an unknown status, a broken query, a run of another job, a job the user may not view', async () => {
    expect(jobProgressQuery.safeParse({ status: 'Exploded' }).success).toBe(false)
    expect(jobProgressQuery.safeParse({ pageSize: '100000' }).success).toBe(false)
    await expect(progress(toSessionUser(owner), { q: 'name:' })).rejects.toMatchObject({ kind: 'invalid', code: 'INVALID_QUERY' })
    await expect(progress(toSessionUser(owner), { runId: 'run_doesnotexist' })).rejects.toMatchObject({ kind: 'not-found' })
    await expect(progress(toSessionUser(owner), { runId }, 'j-never-ran')).rejects.toMatchObject({ kind: 'not-found' })
    await expect(progress(reader)).rejects.toMatchObject({ kind: 'not-found' })
  })

  it('a job that never ran has no run and zero counts', async () => {
    expect(await progress(toSessionUser(owner), {}, 'j-never-ran')).toMatchObject({ run: null, runs: [], counts: {}, total: 0, percent: 0, assets: { rows: [], total: 0 } })
  })

  it("the jobs list's progress: the latest run of each job, in one query", async () => {
    const map = await latestRunProgress(db, ['j-progress', 'j-never-ran'])
    expect(map.get('j-progress')).toEqual({ runId, total: 3, done: 2, failed: 1 })
    expect(map.has('j-never-ran')).toBe(false)
  })
})

describe('the Failed patch installs widget', () => {
  it("counts today's failed patch outcome of the run's results (BER-2's p-new)", async () => {
    const widget = widgetSchema.parse({ id: crypto.randomUUID(), type: 'bar', title: 'Failed', entity: 'history', series: 'failedInstalls', days: 2 })
    const user = { scope: { all: true, tags: [] }, timeZone: 'UTC' }
    const [result] = await runWidgets(db, [widget], { user, cache: new WidgetResultCache() })
    const view = presentWidget(widget, result, 'UTC')
    if (view.kind === 'problem') throw new Error(JSON.stringify(view.result))
    const day = reportAt(6).slice(0, 10)
    expect(Object.fromEntries(view.grid.keys.map((key, index) => [key, view.grid.series[0].values[index]]))[day]).toBe(1)
  })
})

type JobRoute = (request: NextRequest, context: { params: Promise<{ id: string }> }) => Promise<Response>
/** Calls a job route as the owner (API token), as Next would. */
async function userCall(handler: JobRoute, page: string, path: string, id: string, method = 'GET') {
  const request = new NextRequest(`http://patchboard.test${path}`, { method, headers: { host: 'patchboard.test', authorization: `Bearer ${ownerToken}` } })
  const response = await inNextRequestScope(page, request, () => handler(request, { params: Promise.resolve({ id }) }))
  return { status: response.status, body: await response.json() }
}
const progressCall = (query: string, id = 'j-progress') => userCall(getProgress as JobRoute, '/api/v1/jobs/[id]/progress/route', `/api/v1/jobs/${id}/progress?${query}`, id)
const runCall = (id: string) => userCall(postRun as JobRoute, '/api/v1/jobs/[id]/run/route', `/api/v1/jobs/${id}/run`, id, 'POST')

describe('the routes', () => {
  it('GET progress answers the view; bad input 400; an unknown job 404', async () => {
    const ok = await progressCall('status=Failed')
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ total: 3, assets: { total: 1 } })
    for (const bad of ['status=Exploded', 'pageSize=0', 'page=-1', 'q=name%3A']) expect((await progressCall(bad)).status, bad).toBe(400)
    expect((await progressCall('', 'no-such-job')).status).toBe(404)
  })

  it('GET progress never answers 5xx, whatever the asset query', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), async (q) => {
        expect((await progressCall(`q=${encodeURIComponent(q)}`)).status).toBeLessThan(500)
      }),
      { numRuns: 40 },
    )
  })

  it('POST run: a run now, or 409 for a disabled job', async () => {
    const ran = await runCall('j-never-ran')
    expect(ran).toMatchObject({ status: 200, body: { runId: expect.stringMatching(/^run_[0-9a-f]{32}$/), created: true } })
    const refused = await runCall('j-disabled')
    expect(refused.status).toBe(409)
    expect(refused.body.error).toMatchObject({ code: 'JOB_NOT_RUNNABLE', message: expect.stringContaining('disabled') })
  })
})
