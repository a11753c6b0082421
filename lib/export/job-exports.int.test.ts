// Jobs and job-progress exports through their routes: the rows equal the Jobs list's and the progress page's (CSV and
// XLSX read back), dates in the user's zone, formula-looking names inert, a job the caller may not view is a 404.
import '@/test/next-request-scope'
import * as XLSX from '@e965/xlsx'
import { NextRequest } from 'next/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Database } from '@/clickhouse/client'
import type { JobProgressView } from '@/lib/schemas/job-runs'
import type { JobView } from '@/lib/schemas/jobs'
import { simulatePass } from '@/scripts/agent-simulate-pass'
import { createCaller, type Caller } from '@/test/dashboard-callers'
import { openTestDatabase } from '@/test/database'
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
}, 120_000)
afterAll(async () => {
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
