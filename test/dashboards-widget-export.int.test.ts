// GET /api/v1/dashboards/:id/widgets/:widgetId/export through its route handler: the widget's values as CSV and XLSX,
// in the viewer's scope and the dashboard filters, inert formulas, who may export which dashboard, unknown widgets, audit.
import './next-request-scope'
import * as XLSX from '@e965/xlsx'
import { NextRequest } from 'next/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { scanDocumentSchema } from '@/ingest/schema/scan'
import { writeScans } from '@/ingest/writer'
import { DEFAULT_DASHBOARD } from '@/widgets/defaults'
import type { WidgetResult } from '@/widgets/result'
import { widgetSchema, type Widget } from '@/widgets/schema'
import { createCaller, dashboardApi, type Api, type Caller } from './dashboard-callers'
import { openTestDatabase } from './database'
import { inNextRequestScope } from './next-request-scope'
import { discoverRouteHandlers, type RouteHandler } from './route-harness'

let db: Database
let close: () => Promise<void>
let api: Api
let route: RouteHandler
let admin: Caller
let berlinReader: Caller
let reader: Caller

const FORMULA = '=HYPERLINK("http://evil.example","click")'
const BY_SEVERITY = DEFAULT_DASHBOARD.widgets.find((widget) => widget.title === 'Missing by vendor severity') as Widget
const BY_USER = widgetSchema.parse({ id: '5d1e0000-0000-4000-8000-000000000001', type: 'bar', title: 'Assets by user', entity: 'assets', groupBy: { token: 'lastLoggedOnUser' }, sort: 'key-asc' })
const COUNT = widgetSchema.parse({ id: '5d1e0000-0000-4000-8000-000000000002', type: 'count', title: 'Assets', entity: 'assets' })
const WIDGETS = [BY_SEVERITY, BY_USER, COUNT]

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  const patch = (id: string, vendorSeverity: string) => ({ id, title: `Patch ${id}`, status: 'Missing' as const, vendor: 'Microsoft', vendorSeverity, isSecurity: true })
  const scans = [
    { id: 'berlin-1', site: 'Site-Berlin', user: 'ada', patches: [patch('p1', 'Critical'), patch('p2', 'Important')] },
    { id: 'berlin-2', site: 'Site-Berlin', user: FORMULA, patches: [patch('p1', 'Critical')] },
    { id: 'london-1', site: 'Site-London', user: 'bob', patches: [patch('p1', 'Critical'), patch('p3', 'Low')] },
  ].map(({ id, site, user, patches }) => ({
    scannedAt: '2026-11-01T08:00:00Z',
    asset: { id, name: id.toUpperCase(), operatingSystem: 'Windows 11', tags: [site], lastLoggedOnUser: user },
    patches,
  }))
  await writeScans(db, scans.map((document) => scanDocumentSchema.parse(document)))
  admin = await createCaller(db, 'Administrator', 'admin@test.io')
  berlinReader = await createCaller(db, 'Patch Reader', 'berlin@test.io', { all: false, tags: ['Site-Berlin'] })
  reader = await createCaller(db, 'Patch Reader', 'reader@test.io')
  api = await dashboardApi()
  const found = (await discoverRouteHandlers()).find((candidate) => candidate.method === 'GET' && candidate.path === '/api/v1/dashboards/{id}/widgets/{widgetId}/export')
  if (!found) throw new Error('the widget export is not a route')
  route = found
}, 180_000)
afterAll(async () => {
  vi.restoreAllMocks()
  await close()
})

async function createBoard(owner: Caller, shared: boolean): Promise<string> {
  const layout = WIDGETS.map((widget, index) => ({ widgetId: widget.id, x: 0, y: index * 3, w: 4, h: 3 }))
  const answer = await api(owner, 'POST', '/api/v1/dashboards', { name: shared ? 'Shared' : 'Private', widgets: WIDGETS, layout, shared })
  expect(answer.status, answer.text).toBe(200)
  return (answer.json as { id: string }).id
}

/** Calls the route and reads the body as bytes (the harness reads text, which would mangle an XLSX). */
async function exportWidget(caller: Caller, board: string, widgetId: string, query: string): Promise<{ status: number; headers: Headers; bytes: Buffer; text: string }> {
  const request = new NextRequest(`http://patchboard.test/api/v1/dashboards/${board}/widgets/${widgetId}/export?${query}`, {
    headers: { host: 'patchboard.test', authorization: `Bearer ${caller.token}` },
  })
  const response = await inNextRequestScope('/api/v1/dashboards/[id]/widgets/[widgetId]/export/route', request, () =>
    route.handler(request, { params: Promise.resolve({ id: board, widgetId }) }),
  )
  const bytes = Buffer.from(await response.arrayBuffer())
  return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') }
}

async function dataRows(caller: Caller, board: string, widgetId: string): Promise<WidgetResult> {
  const answer = await api(caller, 'GET', `/api/v1/dashboards/${board}/data`)
  return (answer.json as unknown as { results: WidgetResult[] }).results.find((result) => result.widgetId === widgetId) as WidgetResult
}

describe('widget data export', () => {
  it("a default widget's CSV holds the data route's values, one row per group, named after the widget", async () => {
    const board = await createBoard(admin, true)
    const file = await exportWidget(admin, board, BY_SEVERITY.id, 'format=csv')
    expect(file.status, file.text).toBe(200)
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="missing-by-vendor-severity-\d{4}-\d\d-\d\d\.csv"$/)
    const data = await dataRows(admin, board, BY_SEVERITY.id)
    if (data.status !== 'ok') throw new Error(JSON.stringify(data))
    const fromData = new Map(data.rows.map((row) => [row.k1, row.v[0]]))
    expect(fromData).toEqual(new Map([['Critical', 3], ['Important', 1], ['Low', 1]]))
    expect(file.text).toBe(`Patch vendor severity,Missing by vendor severity\r\n${[...fromData].map(([key, value]) => `${key},${value}`).join('\r\n')}\r\n`)
  })

  it('the XLSX reads back with the same rows, numbers as numbers', async () => {
    const board = await createBoard(admin, true)
    const file = await exportWidget(admin, board, BY_SEVERITY.id, 'format=xlsx')
    expect(file.status).toBe(200)
    expect(file.headers.get('content-disposition')).toContain('.xlsx"')
    const book = XLSX.read(file.bytes)
    expect(XLSX.utils.sheet_to_json(book.Sheets['Widget data'], { header: 1 })).toEqual([
      ['Patch vendor severity', 'Missing by vendor severity'],
      ['Critical', 3],
      ['Important', 1],
      ['Low', 1],
    ])
  })

  it("a scoped viewer's export holds only their scope's numbers; the URL's filters apply as on the dashboard", async () => {
    const board = await createBoard(admin, true)
    expect((await exportWidget(berlinReader, board, BY_SEVERITY.id, 'format=csv')).text).toBe('Patch vendor severity,Missing by vendor severity\r\nCritical,2\r\nImportant,1\r\n')
    expect((await exportWidget(berlinReader, board, COUNT.id, 'format=csv')).text).toBe('Assets\r\n2\r\n')
    expect((await exportWidget(admin, board, COUNT.id, `format=csv&tags=Site-London`)).text).toBe('Assets\r\n1\r\n')
    expect((await exportWidget(admin, board, COUNT.id, `format=csv&filters=${encodeURIComponent('name: BERLIN-1')}`)).text).toBe('Assets\r\n1\r\n')
  })

  it('a formula-looking group value comes out inert (a leading apostrophe) in CSV and XLSX', async () => {
    const board = await createBoard(admin, true)
    const csv = await exportWidget(admin, board, BY_USER.id, 'format=csv&bom=1')
    expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")",1\r\n`)
    const book = XLSX.read((await exportWidget(admin, board, BY_USER.id, 'format=xlsx')).bytes)
    const sheet = book.Sheets['Widget data']
    const cells = Object.values(sheet).filter((cell): cell is XLSX.CellObject => typeof cell === 'object' && cell !== null && 'v' in cell)
    expect(cells.some((cell) => cell.v === `'${FORMULA}` && cell.t === 's' && cell.f === undefined)).toBe(true)
  })

  it("a Reader exports a shared dashboard's widget, not another user's private one; an unknown widget is 404", async () => {
    const shared = await createBoard(admin, true)
    const mine = await createBoard(admin, false)
    expect((await exportWidget(reader, shared, COUNT.id, 'format=csv')).status).toBe(200)
    const refused = await exportWidget(reader, mine, COUNT.id, 'format=csv')
    expect(refused.status).toBe(404)
    expect(refused.text).not.toContain('Assets\r\n')
    const unknown = await exportWidget(admin, shared, '5d1e0000-0000-4000-8000-0000000000ff', 'format=csv')
    expect(unknown.status).toBe(404)
    expect(JSON.parse(unknown.text).error.message).toBe('This dashboard has no such widget.')
    const badFormat = await exportWidget(admin, shared, COUNT.id, 'format=pdf')
    expect(badFormat.status).toBe(400)
  })

  it('records the export in the audit log: widget, dashboard, format, rows and bytes', async () => {
    const board = await createBoard(admin, true)
    const file = await exportWidget(berlinReader, board, BY_SEVERITY.id, 'format=xlsx')
    const [entry] = await db.query<{ after: string; actor_email: string }>(
      "SELECT after, actor_email FROM audit_log WHERE action = 'export.download' AND after LIKE {board:String} ORDER BY at DESC LIMIT 1",
      { board: `%${board}%` },
    )
    expect(entry.actor_email).toBe('berlin@test.io')
    expect(JSON.parse(entry.after)).toMatchObject({ entity: 'widget', format: 'xlsx', dashboardId: board, widgetId: BY_SEVERITY.id, rows: 2, bytes: file.bytes.length })
  })
})
