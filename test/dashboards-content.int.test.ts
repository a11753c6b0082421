// What dashboards show and how they move, through the route handlers over a seeded estate: widget data in the viewer's
// scope and filters, the live preview, Rebuild (v1 → v2 with the v2 numbers), duplicate, export and import.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { seedDemoEstate } from '@/ingest/seed'
import type { WidgetResult } from '@/widgets/result'
import { DEFAULT_DASHBOARD, DEMO_V1_DASHBOARD } from '@/widgets/defaults'
import { EXPORT_FILE_VERSION, EXPORT_MARKER, type DashboardDefinition } from '@/widgets/dashboard'
import { widgetSchema, type Widget } from '@/widgets/schema'
import { createCaller, dashboardApi, type Api, type Caller } from './dashboard-callers'
import { openTestDatabase } from './database'

let db: Database
let close: () => Promise<void>
let api: Api
let admin: Caller
let berlinAuthor: Caller

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  await seedDemoEstate(db, { assets: 40, days: 3, seed: 7 })
  admin = await createCaller(db, 'Administrator', 'admin@test.io')
  berlinAuthor = await createCaller(db, 'Patch Dashboard Author', 'berlin@test.io', { all: false, tags: ['Site-Berlin'] })
  api = await dashboardApi()
}, 180_000)
afterAll(async () => {
  vi.restoreAllMocks()
  await close()
})

type Board = { id: string; revision: number; definition: DashboardDefinition; owner: { email: string }; shared: boolean }
type Data = { results: WidgetResult[]; revision: number; newestScanAt: string | null; filters: { query: string; tags: string[] } }

async function create(who: Caller, definition: Partial<DashboardDefinition> & { name: string }, shared = true): Promise<Board> {
  const answer = await api(who, 'POST', '/api/v1/dashboards', { ...definition, shared })
  expect(answer.status, answer.text).toBe(200)
  return answer.json as unknown as Board
}

const COUNT_ASSETS = widgetSchema.parse({ id: '7b0c6f52-1111-4000-8000-000000000001', type: 'count', title: 'Assets', entity: 'assets' })
const layoutOf = (widgets: Widget[]) => widgets.map((widget, index) => ({ widgetId: widget.id, x: 0, y: index * 3, w: 4, h: 3 }))
const valueOf = (result: WidgetResult | undefined) => (result?.status === 'ok' ? result.rows[0]?.v[0] : `not ok: ${JSON.stringify(result)}`)

async function countAssets(where: string, params: Record<string, unknown> = {}): Promise<number> {
  const [row] = await db.query<{ c: number }>(`SELECT toUInt32(count()) AS c FROM assets AS a FINAL WHERE ${where}`, params)
  return Number(row.c)
}

describe('dashboard data', () => {
  it("computes every widget in the VIEWER's tag scope, with the dashboard's or the URL's filters", async () => {
    const board = await create(admin, { name: 'Counts', widgets: [COUNT_ASSETS], layout: layoutOf([COUNT_ASSETS]) })
    const everyone = (await api(admin, 'GET', `/api/v1/dashboards/${board.id}/data`)).json as unknown as Data
    const berlin = (await api(berlinAuthor, 'GET', `/api/v1/dashboards/${board.id}/data`)).json as unknown as Data
    expect(valueOf(everyone.results[0])).toBe(await countAssets('1'))
    expect(valueOf(berlin.results[0])).toBe(await countAssets("hasAny(a.tags, ['Site-Berlin'])"))
    expect(valueOf(berlin.results[0])).toBeLessThan(valueOf(everyone.results[0]) as number)
    expect(berlin.newestScanAt).not.toBeNull()
    const filtered = (await api(admin, 'GET', `/api/v1/dashboards/${board.id}/data?filters=${encodeURIComponent('osFamily: Windows')}&tags=Site-Austin`)).json as unknown as Data
    expect(filtered.filters).toEqual({ query: 'osFamily: Windows', tags: ['Site-Austin'] })
    expect(valueOf(filtered.results[0])).toBe(await countAssets("a.os_family = 'Windows' AND has(a.tags, 'Site-Austin')"))
    expect(valueOf(filtered.results[0])).toBeGreaterThan(0)
  })

  it('the default dashboard answers in one call with a result for every widget, none failing', async () => {
    const board = await create(admin, DEFAULT_DASHBOARD)
    const data = (await api(berlinAuthor, 'GET', `/api/v1/dashboards/${board.id}/data?refresh=1`)).json as unknown as Data
    expect(data.results.map((result) => result.widgetId)).toEqual(DEFAULT_DASHBOARD.widgets.map((widget) => widget.id))
    expect(data.results.filter((result) => result.status !== 'ok')).toEqual([])
  })

  it("the live preview runs a widget config in the author's scope; an invalid config is a 400 naming the field", async () => {
    const preview = await api(berlinAuthor, 'POST', '/api/v1/widgets/preview', { widget: COUNT_ASSETS, filters: null })
    expect(valueOf(preview.json as unknown as WidgetResult)).toBe(await countAssets("hasAny(a.tags, ['Site-Berlin'])"))
    const bad = await api(berlinAuthor, 'POST', '/api/v1/widgets/preview', { widget: { ...COUNT_ASSETS, type: 'bar' } })
    expect(bad.status).toBe(400)
    expect(bad.json.error?.message).toMatch(/groupBy/)
  })
})

describe('Rebuild widgets', () => {
  /** The demo's v1 widgets as an author writes them in token version 2. */
  const V2: Record<string, Partial<Widget>> = {
    '0c3d7a10-0003-4000-8000-000000000001': { query: 'operatingSystem: "Windows Server"' },
    '0c3d7a10-0003-4000-8000-000000000002': { query: 'status: Missing AND asset.operatingSystem: "Windows Server"', groupBy: { token: 'patch.vendorSeverity', bucket: null } },
    '0c3d7a10-0003-4000-8000-000000000003': { query: 'status: Missing AND patch.isSuperseded: true' },
  }
  const sortedRows = (result: WidgetResult) => (result.status === 'ok' ? [...result.rows].sort((a, b) => (a.k1 < b.k1 ? -1 : 1)) : result.status)

  it('a v1 dashboard loads with its outdated widgets named; the dry run reports without saving; Rebuild fixes every rebuildable one, giving the v2 numbers', async () => {
    const board = await create(admin, DEMO_V1_DASHBOARD)
    const before = (await api(admin, 'GET', `/api/v1/dashboards/${board.id}/data`)).json as unknown as Data
    const byTitle = (data: Data, title: string) => data.results[DEMO_V1_DASHBOARD.widgets.findIndex((widget) => widget.title === title)]
    expect(byTitle(before, 'Windows Server assets')).toMatchObject({ status: 'needsRebuild', reasons: [{ from: 'os: "Windows Server"', to: 'operatingSystem: "Windows Server"' }] })
    expect(byTitle(before, 'Missing update rollups')).toMatchObject({ status: 'broken', reasons: [expect.objectContaining({ message: expect.any(String) })] })

    const dry = await api(admin, 'POST', `/api/v1/dashboards/${board.id}/rebuild`, { dryRun: true })
    const report = dry.json as unknown as { saved: boolean; revision: number; widgets: { widgetId: string; outcome: string; before?: Widget; after?: Widget; reasons?: unknown[] }[] }
    expect(report.saved).toBe(false)
    expect(report.widgets.filter((line) => line.outcome === 'rebuilt').map((line) => line.widgetId).sort()).toEqual(Object.keys(V2).sort())
    expect(report.widgets.find((line) => line.outcome === 'notRebuildable')).toMatchObject({ title: 'Missing update rollups', reasons: [expect.anything()] })
    expect(report.widgets.find((line) => line.widgetId === '0c3d7a10-0003-4000-8000-000000000001')).toMatchObject({ before: { query: 'os: "Windows Server"' }, after: { query: 'operatingSystem: "Windows Server"', tokenVersion: 2 } })
    expect(((await api(admin, 'GET', `/api/v1/dashboards/${board.id}`)).json as unknown as Board).revision).toBe(1)

    expect((await api(admin, 'POST', `/api/v1/dashboards/${board.id}/rebuild`, { revision: 7 })).status).toBe(409)
    const done = (await api(admin, 'POST', `/api/v1/dashboards/${board.id}/rebuild`, { revision: 1 })).json as unknown as { saved: boolean; revision: number }
    expect(done).toMatchObject({ saved: true, revision: 2 })

    const after = (await api(berlinAuthor, 'GET', `/api/v1/dashboards/${board.id}/data`)).json as unknown as Data
    expect(byTitle(after, 'Missing update rollups').status).toBe('broken')
    const fixed = after.results.filter((result) => result.widgetId in V2)
    expect(fixed.map((result) => result.status)).toEqual(['ok', 'ok', 'ok'])
    const written = DEMO_V1_DASHBOARD.widgets.filter((widget) => widget.id in V2).map((widget) => widgetSchema.parse({ ...widget, tokenVersion: 2, display: { colors: {} }, ...V2[widget.id] }))
    const v2 = await create(berlinAuthor, { name: 'Written in v2', widgets: written, layout: layoutOf(written) })
    const v2Data = (await api(berlinAuthor, 'GET', `/api/v1/dashboards/${v2.id}/data`)).json as unknown as Data
    expect(fixed.map(sortedRows)).toEqual(v2Data.results.map(sortedRows))
    expect(fixed.flatMap((result) => (result.status === 'ok' ? result.rows : [])).filter((row) => (row.v[0] ?? 0) > 0).length).toBeGreaterThan(2)
  })

  it('Rebuild on one widget leaves the others; rebuilding all dashboards is for Administrators', async () => {
    const board = await create(admin, DEMO_V1_DASHBOARD)
    const one = (await api(admin, 'POST', `/api/v1/dashboards/${board.id}/rebuild`, { widgetIds: ['0c3d7a10-0003-4000-8000-000000000001'] })).json as unknown as { widgets: unknown[] }
    expect(one.widgets).toHaveLength(1)
    const stored = ((await api(admin, 'GET', `/api/v1/dashboards/${board.id}`)).json as unknown as Board).definition.widgets
    expect(stored.map((widget) => widget.tokenVersion)).toEqual([2, 1, 1, 1, 1])
    expect((await api(berlinAuthor, 'POST', '/api/v1/dashboards/rebuild', {})).status).toBe(403)
    const all = (await api(admin, 'POST', '/api/v1/dashboards/rebuild', { dryRun: false })).json as unknown as { dashboards: { dashboardId: string; saved: boolean }[] }
    expect(all.dashboards.find((line) => line.dashboardId === board.id)).toMatchObject({ saved: true })
  })
})

describe('duplicate, export and import', () => {
  it('duplicate: a private copy owned by the caller with new widget ids', async () => {
    const source = await create(admin, DEFAULT_DASHBOARD)
    const copy = (await api(berlinAuthor, 'POST', `/api/v1/dashboards/${source.id}/duplicate`, { name: null })).json as unknown as Board
    expect(copy).toMatchObject({ owner: { email: 'berlin@test.io' }, shared: false, definition: { name: `${DEFAULT_DASHBOARD.name} (copy)` } })
    expect(copy.definition.widgets.map((widget) => widget.title)).toEqual(DEFAULT_DASHBOARD.widgets.map((widget) => widget.title))
    expect(copy.definition.widgets.some((widget) => DEFAULT_DASHBOARD.widgets.some((original) => original.id === widget.id))).toBe(false)
  })

  it('export → import round trip: same dashboard, new ids; a newer file is refused; an older one is migrated with what it dropped', async () => {
    const source = await create(admin, DEFAULT_DASHBOARD)
    const exported = await api(berlinAuthor, 'GET', `/api/v1/dashboards/${source.id}/export`)
    const file = exported.json as unknown as { fileVersion: number; dashboard: DashboardDefinition }
    expect(file).toMatchObject({ [EXPORT_MARKER]: true, fileVersion: EXPORT_FILE_VERSION })
    const imported = (await api(berlinAuthor, 'POST', '/api/v1/dashboards/import', file)).json as unknown as { dashboard: Board; dropped: string[]; migratedFrom: number | null }
    expect(imported).toMatchObject({ dropped: [], migratedFrom: null, dashboard: { shared: false, owner: { email: 'berlin@test.io' } } })
    expect(imported.dashboard.id).not.toBe(source.id)
    const [audited] = await db.query<{ action: string }>('SELECT action FROM audit_log WHERE entity_id = {id:String}', { id: imported.dashboard.id })
    expect(audited.action).toBe('dashboard.import')
    const strip = (definition: DashboardDefinition) => definition.widgets.map(({ id: _id, ...widget }) => widget)
    expect(strip(imported.dashboard.definition)).toEqual(strip(file.dashboard))
    expect(imported.dashboard.definition.widgets.every((widget) => !file.dashboard.widgets.some((original) => original.id === widget.id))).toBe(true)

    const newer = await api(berlinAuthor, 'POST', '/api/v1/dashboards/import', { ...file, fileVersion: EXPORT_FILE_VERSION + 1 })
    expect(newer.status).toBe(400)
    expect(newer.json.error).toMatchObject({ code: 'IMPORT_REFUSED', message: expect.stringMatching(/newer/) })
    expect((await api(berlinAuthor, 'POST', '/api/v1/dashboards/import', { name: 'not a file' })).json.error?.code).toBe('IMPORT_REFUSED')

    const v1File = {
      [EXPORT_MARKER]: true, fileVersion: 1, exportedAt: '2025-01-01T00:00:00Z',
      dashboard: { name: 'Old file', widgets: [{ ...COUNT_ASSETS, position: { x: 0, y: 0, w: 3, h: 3 } }, { id: 'bad', type: 'gauge', title: 'Gauge', position: { x: 3, y: 0, w: 3, h: 3 } }] },
    }
    const migrated = (await api(berlinAuthor, 'POST', '/api/v1/dashboards/import', v1File)).json as unknown as { dashboard: Board; dropped: string[]; migratedFrom: number }
    expect(migrated.migratedFrom).toBe(1)
    expect(migrated.dashboard.definition.widgets.map((widget) => widget.title)).toEqual(['Assets'])
    expect(migrated.dropped.join('\n')).toMatch(/Gauge/)
  })
})
