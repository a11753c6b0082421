// Bad input never answers 5xx on the dashboard APIs: fast-check throws random JSON bodies, random QQL filters and tags,
// and random export files at them; each answer is a 2xx or a 4xx with a specific error.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { DEFAULT_DASHBOARD } from '@/widgets/defaults'
import { EXPORT_MARKER } from '@/widgets/dashboard'
import { createCaller, dashboardApi, type Api, type Caller } from './dashboard-callers'
import { openTestDatabase } from './database'

let db: Database
let close: () => Promise<void>
let api: Api
let admin: Caller
let boardId: string

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  admin = await createCaller(db, 'Administrator', 'admin@test.io')
  api = await dashboardApi()
  boardId = ((await api(admin, 'POST', '/api/v1/dashboards', DEFAULT_DASHBOARD)).json as { id: string }).id
}, 120_000)
afterAll(async () => {
  vi.restoreAllMocks()
  await close()
})

const RUNS = { numRuns: 40, seed: 20261201 }
const qqlish = fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('status: Missing AND', 'os: (', 'name: "unterminated', '((((((((', 'patch.vendorSeverity: Critical', 'x'.repeat(3000)))

function expectNo5xx(answer: { status: number; text: string; json: { error?: { code: string; message: string } } }) {
  expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500)
  if (answer.status >= 400) expect(answer.json.error?.message.length).toBeGreaterThan(0)
}

describe('dashboard APIs under bad input', () => {
  it('random bodies to create, save, rename, rebuild, duplicate, home, preview and import', async () => {
    const targets = [
      ['POST', '/api/v1/dashboards'], ['PUT', `/api/v1/dashboards/${boardId}`], ['PATCH', `/api/v1/dashboards/${boardId}`],
      ['POST', `/api/v1/dashboards/${boardId}/rebuild`], ['POST', `/api/v1/dashboards/${boardId}/duplicate`], ['PUT', '/api/v1/dashboards/home'],
      ['POST', '/api/v1/widgets/preview'], ['POST', '/api/v1/dashboards/import'],
    ] as const
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), fc.jsonValue({ maxDepth: 4 }), async ([method, url], body) => expectNo5xx(await api(admin, method, url, body))),
      RUNS,
    )
  })

  it('random QQL filters and tags on the data endpoint: widget problems come back per widget, never as a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(qqlish, fc.array(fc.string({ maxLength: 40 }), { maxLength: 5 }), async (filters, tags) => {
        const answer = await api(admin, 'GET', `/api/v1/dashboards/${boardId}/data?filters=${encodeURIComponent(filters)}&tags=${encodeURIComponent(tags.join(','))}`)
        expectNo5xx(answer)
      }),
      RUNS,
    )
  })

  it('export files with random contents are imported or refused with the reason', async () => {
    const file = fc.record({ fileVersion: fc.oneof(fc.integer({ min: -2, max: 4 }), fc.string()), dashboard: fc.jsonValue({ maxDepth: 4 }) })
    await fc.assert(
      fc.asyncProperty(file, async (candidate) => expectNo5xx(await api(admin, 'POST', '/api/v1/dashboards/import', { [EXPORT_MARKER]: true, ...candidate }))),
      RUNS,
    )
  })

  it('a save whose layout names a widget the dashboard does not have is a 400 naming it', async () => {
    const answer = await api(admin, 'PUT', `/api/v1/dashboards/${boardId}`, {
      revision: 1, definition: { name: 'x', widgets: [], layout: [{ widgetId: '7b0c6f52-2222-4000-8000-000000000001', x: 0, y: 0, w: 2, h: 2 }] },
    })
    expect(answer.status).toBe(400)
    expect(answer.json.error?.message).toMatch(/no widget 7b0c6f52-2222-4000-8000-000000000001/)
  })
})
