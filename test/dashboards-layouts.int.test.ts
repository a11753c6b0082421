// Per-breakpoint layouts through the route handlers: saved beside the 12-column layout in the stored definition, refused
// with the rule broken, kept (on new widget ids) by duplicate and by export + import, and left out while absent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { findDashboard } from '@/lib/repositories/dashboards'
import type { DashboardDefinition } from '@/widgets/dashboard'
import { DEMO_V1_DASHBOARD } from '@/widgets/defaults'
import { createCaller, dashboardApi, type Api, type Caller } from './dashboard-callers'
import { openTestDatabase } from './database'

let db: Database
let close: () => Promise<void>
let api: Api
let author: Caller

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  author = await createCaller(db, 'Patch Dashboard Author', 'layout-author@test.io')
  api = await dashboardApi()
}, 120_000)
afterAll(async () => close())

type View = { id: string; revision: number; definition: DashboardDefinition }
const { name: _name, description: _description, ...BOARD } = DEMO_V1_DASHBOARD
/** Two cards per row on the tablet grid, in the widgets' order. */
const MD = DEMO_V1_DASHBOARD.widgets.map((widget, index) => ({ widgetId: widget.id, x: (index % 2) * 3, y: Math.floor(index / 2) * 4, w: 3, h: 4 }))

async function created(): Promise<View> {
  const answer = await api(author, 'POST', '/api/v1/dashboards', { name: 'Layouts', ...BOARD })
  expect(answer.status, answer.text).toBe(200)
  return answer.json as unknown as View
}

describe('narrower layouts', () => {
  it('are absent until saved, then stored in the definition JSON beside the 12-column layout, which stays as it was', async () => {
    const board = await created()
    expect(board.definition.layouts).toBeUndefined()
    const saved = await api(author, 'PUT', `/api/v1/dashboards/${board.id}`, { revision: board.revision, definition: { ...board.definition, layouts: { md: MD } } })
    expect(saved.status, saved.text).toBe(200)
    expect(saved.json).toMatchObject({ revision: 2, definition: { layout: DEMO_V1_DASHBOARD.layout, layouts: { md: MD } } })
    const stored = JSON.parse((await findDashboard(db, board.id))!.definition) as DashboardDefinition
    expect(stored.layouts).toEqual({ md: MD })
    expect(((await api(author, 'GET', `/api/v1/dashboards/${board.id}`)).json as unknown as View).definition.layouts).toEqual({ md: MD })
  })

  it('a save whose narrower layout leaves a widget out or reaches past its columns is a 400 naming the rule, and nothing is written', async () => {
    const board = await created()
    const missing = await api(author, 'PUT', `/api/v1/dashboards/${board.id}`, { revision: board.revision, definition: { ...board.definition, layouts: { md: MD.slice(1) } } })
    expect(missing.status).toBe(400)
    expect(missing.json.error?.message).toContain(`widget ${MD[0].widgetId} has no place on the 6-column (md) grid`)
    const wide = await api(author, 'PUT', `/api/v1/dashboards/${board.id}`, { revision: board.revision, definition: { ...board.definition, layouts: { xs: MD } } })
    expect(wide.status).toBe(400)
    expect(wide.json.error?.message).toContain('reaches past the 1 columns of the 1-column (xs) grid')
    expect((await findDashboard(db, board.id))!.revision).toBe(1)
  })

  it('a duplicate and an exported-then-imported copy keep them, on their own new widget ids', async () => {
    const board = await created()
    await api(author, 'PUT', `/api/v1/dashboards/${board.id}`, { revision: board.revision, definition: { ...board.definition, layouts: { md: MD } } })
    const copy = (await api(author, 'POST', `/api/v1/dashboards/${board.id}/duplicate`, {})).json as unknown as View
    const file = await api(author, 'GET', `/api/v1/dashboards/${board.id}/export`)
    expect(file.json).toMatchObject({ fileVersion: 3, dashboard: { layouts: { md: MD } } })
    const imported = await api(author, 'POST', '/api/v1/dashboards/import', file.json)
    expect(imported.status, imported.text).toBe(200)
    const importedView = (imported.json as unknown as { dashboard: View; dropped: string[] }).dashboard
    for (const view of [copy, importedView]) {
      const newIdOf = new Map(DEMO_V1_DASHBOARD.widgets.map((widget, index) => [widget.id, view.definition.widgets[index].id]))
      expect(view.definition.widgets.some((widget) => newIdOf.has(widget.id))).toBe(false)
      expect(view.definition.layouts).toEqual({ md: MD.map((item) => ({ ...item, widgetId: newIdOf.get(item.widgetId) })) })
    }
  })
})
