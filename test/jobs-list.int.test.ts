// The Jobs list and the wizard's server checks through the API: QQL and filters, sort and paging, counts per row,
// the targets and patches previews, step validation, and job autocomplete only from the jobs the user may view.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Database } from '@/clickhouse/client'
import type { JobView } from '@/lib/schemas/jobs'
import { createCaller, dashboardApi as routeApi, type Api, type Caller } from './dashboard-callers'
import { openTestDatabase } from './database'
import { seedJobEstate, weeklyJob, withSchedule } from './jobs-fixtures'

let db: Database
let close: () => Promise<void>
let api: Api
let alice: Caller
let bob: Caller
let manager: Caller
let reader: Caller
const ids: Record<string, string> = {}

async function create(who: Caller, body: unknown): Promise<JobView> {
  const answer = await api(who, 'POST', '/api/v1/jobs', body)
  expect(answer.status, answer.text).toBe(200)
  return answer.json as unknown as JobView
}

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  await seedJobEstate(db)
  alice = await createCaller(db, 'Patch User', 'alice@test.io')
  bob = await createCaller(db, 'Patch User', 'bob@test.io')
  manager = await createCaller(db, 'Patch Manager', 'manager@test.io')
  reader = await createCaller(db, 'Patch Reader', 'reader@test.io')
  api = await routeApi()
  ids.weekly = (await create(alice, weeklyJob('Alpha weekly', { coAuthors: { coAuthorIds: [bob.user.id] } }))).id
  ids.daily = (await create(alice, withSchedule('Beta daily uninstall', { type: 'Daily', time: '03:00' }))).id
  await api(alice, 'PUT', `/api/v1/jobs/${ids.daily}`, { ...withSchedule('Beta daily uninstall', { type: 'Daily', time: '03:00' }), basics: { name: 'Beta daily uninstall', type: 'Uninstall' }, version: 1 })
  ids.bobs = (await create(bob, weeklyJob('Gamma by Bob', { targets: { assetIds: ['a-ber-2'], tags: ['Site-Berlin'], exclusionTags: ['Servers'] } }))).id
  await api(bob, 'POST', `/api/v1/jobs/${ids.bobs}/enable`)
}, 120_000)
afterAll(async () => {
  vi.restoreAllMocks()
  await close()
})

const list = async (who: Caller, query: string) => {
  const answer = await api(who, 'GET', `/api/v1/jobs?${query}`)
  expect(answer.status, answer.text).toBe(200)
  return answer.json as unknown as { rows: JobView[]; total: number; page: number; pageSize: number }
}
const names = (page: { rows: JobView[] }) => page.rows.map((row) => row.name)

describe('the Jobs list', () => {
  it('filters by status, schedule type, type, mine and co-authored, and by QQL', async () => {
    expect(names(await list(manager, 'status=Enabled'))).toEqual(['Gamma by Bob'])
    expect(names(await list(manager, 'scheduleType=Daily&sort=name&dir=asc'))).toEqual(['Beta daily uninstall'])
    expect(names(await list(manager, 'type=Uninstall'))).toEqual(['Beta daily uninstall'])
    expect(names(await list(alice, 'mine=1&sort=name&dir=asc'))).toEqual(['Alpha weekly', 'Beta daily uninstall'])
    expect(names(await list(bob, 'coAuthored=1'))).toEqual(['Alpha weekly'])
    expect(names(await list(bob, 'mine=1&coAuthored=1&sort=name&dir=asc'))).toEqual(['Alpha weekly', 'Gamma by Bob'])
    expect(names(await list(manager, `q=${encodeURIComponent('owner: bob* OR coAuthor: bob*')}&sort=name&dir=asc`))).toEqual(['Alpha weekly', 'Gamma by Bob'])
    expect((await api(manager, 'GET', `/api/v1/jobs?q=${encodeURIComponent('nonsense: (')}`)).json.error?.code).toBe('INVALID_QUERY')
    expect((await api(manager, 'GET', '/api/v1/jobs?status=Running')).status).toBe(400)
  })

  it("a search over content hidden from the viewer (listed assets, co-authors…) finds only jobs they may view", async () => {
    const query = `q=${encodeURIComponent('targetAsset: a-ber-2 OR name: Alpha*')}`
    expect(names(await list(manager, `${query}&sort=name&dir=asc`))).toEqual(['Alpha weekly', 'Gamma by Bob'])
    expect(names(await list(alice, query))).toEqual(['Alpha weekly'])
    expect(names(await list(alice, `q=${encodeURIComponent('name: Gamma*')}`))).toEqual(['Gamma by Bob'])
  })

  it('sorts and pages, with the total of all matches', async () => {
    const first = await list(manager, 'sort=name&dir=desc&pageSize=2')
    expect(names(first)).toEqual(['Gamma by Bob', 'Beta daily uninstall'])
    expect(first.total).toBe(3)
    const second = await list(manager, 'sort=name&dir=desc&pageSize=2&page=2')
    expect(names(second)).toEqual(['Alpha weekly'])
    expect(await list(manager, 'page=50')).toMatchObject({ rows: [], total: 3 })
  })

  it('each row carries its counts (assets, patches, tagged assets), schedule in words, and progress after a run', async () => {
    const rows = new Map((await list(manager, '')).rows.map((row) => [row.id, row]))
    // Bob's: Berlin tag (2 assets) plus a listed Berlin server, minus Servers: one workstation of the two tagged.
    expect(rows.get(ids.bobs)).toMatchObject({ assetCount: 1, patchCount: 2, taggedAssets: { matched: 2, included: 1 }, scheduleText: 'Weekly on Tue, Thu at 22:00 Europe/Berlin' })
    expect(rows.get(ids.weekly)).toMatchObject({ assetCount: 2, taggedAssets: { matched: 2, included: 2 }, progress: null })
    const run = await api(bob, 'POST', `/api/v1/jobs/${ids.bobs}/run`)
    expect(run.status, run.text).toBe(200)
    expect((await list(manager, 'status=Enabled')).rows[0].progress).toMatchObject({ done: 0, total: 1, failed: 0 })
  })
})

describe("the wizard's server checks", () => {
  it('validates one step: ok, or 400 with details per field path', async () => {
    expect((await api(alice, 'POST', '/api/v1/jobs/validate', { step: 'schedule', value: { schedule: { type: 'Weekly', time: '22:00', days: ['Tue'] } } })).json).toEqual({ ok: true })
    const bad = await api(alice, 'POST', '/api/v1/jobs/validate', { step: 'schedule', value: { schedule: { type: 'Weekly', time: '25:00', days: [] }, patchWindowHours: 500 } })
    expect(bad.status).toBe(400)
    expect(bad.json.error?.code).toBe('INVALID_STEP')
    const paths = (bad.json.error as unknown as { details: { path: string; message: string }[] }).details.map((detail) => detail.path)
    expect(paths).toEqual(expect.arrayContaining(['schedule.schedule.time', 'schedule.schedule.days', 'schedule.patchWindowHours']))
    expect((await api(alice, 'POST', '/api/v1/jobs/validate', { step: 'nope', value: {} })).status).toBe(400)
  })

  it("previews targets in the owner's scope: the count, a sample and the tagged assets", async () => {
    const scoped = await createCaller(db, 'Patch User', 'austin@test.io', { all: false, tags: ['Site-Austin'] })
    const everything = await api(alice, 'POST', '/api/v1/jobs/targets/preview', { targets: { tags: ['Workstations'] } })
    expect(everything.json).toMatchObject({ count: 2, taggedAssets: { matched: 2, included: 2 } })
    const austin = await api(scoped, 'POST', '/api/v1/jobs/targets/preview', { targets: { tags: ['Workstations'], assetIds: ['a-ber-2'] } })
    expect(austin.json).toEqual({ count: 1, assets: [{ id: 'a-aus-1', name: 'WKS-AUS-1', tags: ['Site-Austin', 'Workstations'] }], taggedAssets: { matched: 1, included: 1 } })
    expect((await api(reader, 'POST', '/api/v1/jobs/targets/preview', { targets: { tags: ['Workstations'] } })).status).toBe(403)
  })

  it('previews patches: a fixed list as listed; a dynamic query only missing, non-superseded patches, newest first', async () => {
    const fixed = await api(alice, 'POST', '/api/v1/jobs/patches/preview', { patches: { mode: 'list', patchIds: ['p-7zip', 'p-chrome'] } })
    expect(fixed.json).toMatchObject({ count: 2, patches: [{ id: 'p-chrome', missing: 2 }, { id: 'p-7zip', missing: 1 }] })
    const dynamic = await api(alice, 'POST', '/api/v1/jobs/patches/preview', { patches: { mode: 'dynamic', query: 'vendorSeverity: [Critical, Important]' } })
    expect(dynamic.json).toEqual({
      count: 2,
      patches: [
        { id: 'p-chrome', title: 'Google Chrome 130', vendorSeverity: 'Critical', missing: 2 },
        { id: 'p-7zip', title: '7-Zip 24.08', vendorSeverity: 'Important', missing: 1 },
      ],
    })
    expect((await api(alice, 'POST', '/api/v1/jobs/patches/preview', { patches: { mode: 'dynamic', query: 'nope: (' } })).status).toBe(400)
    expect((await api(reader, 'POST', '/api/v1/jobs/patches/preview', { patches: { mode: 'list', patchIds: ['p-chrome'] } })).status).toBe(403)
  })
})

describe('saved and recent searches', () => {
  it('a jobs search is saved and listed like any other entity', async () => {
    const saved = await api(alice, 'POST', '/api/v1/searches', { name: 'My enabled jobs', entity: 'jobs', query: 'status: Enabled' })
    expect(saved.status, saved.text).toBe(200)
    const mine = await api(alice, 'GET', '/api/v1/searches?entity=jobs')
    expect(JSON.stringify(mine.json)).toContain('My enabled jobs')
  })
})

describe('job autocomplete', () => {
  const suggest = async (who: Caller, q: string) =>
    ((await api(who, 'GET', `/api/v1/qql/suggest?entity=jobs&q=${encodeURIComponent(q)}&cursor=${q.length}`)).json as unknown as { knownValues: string[] }).knownValues

  it('offers values only from the jobs the user may view', async () => {
    expect(await suggest(manager, 'name: ')).toEqual(['Alpha weekly', 'Beta daily uninstall', 'Gamma by Bob'])
    expect(await suggest(bob, 'name: ')).toEqual(['Alpha weekly', 'Gamma by Bob'])
    expect(await suggest(alice, 'owner: ')).toEqual(['alice@test.io'])
    expect(await suggest(reader, 'name: ')).toEqual([])
  })
})
