// Dashboards through the route handlers: the permission matrix per role, optimistic concurrency under truly concurrent
// saves, audit of every change, home choice and landing, and the default dashboard created once.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { ROLES, type Role } from '@/lib/auth/user'
import { findDashboard, writeDashboard } from '@/lib/repositories/dashboards'
import { landingPath, ensureStartDashboards } from '@/lib/services/dashboards-setup'
import { DEFAULT_DASHBOARD } from '@/widgets/defaults'
import { createCaller, dashboardApi, type Api, type Caller } from './dashboard-callers'
import { openTestDatabase } from './database'

let db: Database
let close: () => Promise<void>
let api: Api
const as: Partial<Record<Role, Caller>> = {}
let author2: Caller

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  for (const role of ROLES) as[role] = await createCaller(db, role, `${role.replace(/\s+/g, '-').toLowerCase()}@test.io`)
  author2 = await createCaller(db, 'Patch Dashboard Author', 'second-author@test.io')
  api = await dashboardApi()
}, 120_000)
afterAll(async () => {
  vi.restoreAllMocks()
  await close()
})

const caller = (role: Role) => as[role]!
const EMPTY = { widgets: [], layout: [] }

async function createAs(who: Caller, name: string, shared = false) {
  const answer = await api(who, 'POST', '/api/v1/dashboards', { name, shared })
  expect(answer.status, answer.text).toBe(200)
  return answer.json as unknown as { id: string; revision: number; definition: { name: string } }
}

describe('permissions per role', () => {
  const CREATORS: Role[] = ['Patch Dashboard Author', 'Patch User', 'Patch Manager', 'Administrator']
  const NON_CREATORS: Role[] = ['Patch Reader', 'Patch Security']

  it('Authors, Users, Managers and Administrators create, save, rename, share and delete their own; Readers and Security get 403', async () => {
    for (const role of CREATORS) {
      const mine = await createAs(caller(role), `${role} board`)
      const saved = await api(caller(role), 'PUT', `/api/v1/dashboards/${mine.id}`, { revision: 1, definition: { ...EMPTY, name: `${role} renamed` } })
      expect(saved.status, `${role} save`).toBe(200)
      expect(saved.json).toMatchObject({ revision: 2, definition: { name: `${role} renamed` }, mine: true, canEdit: true })
      expect((await api(caller(role), 'PATCH', `/api/v1/dashboards/${mine.id}`, { shared: true })).json).toMatchObject({ shared: true, revision: 3 })
      expect((await api(caller(role), 'DELETE', `/api/v1/dashboards/${mine.id}`)).status, `${role} delete`).toBe(200)
      expect((await api(caller(role), 'GET', `/api/v1/dashboards/${mine.id}`)).status).toBe(404)
    }
    for (const role of NON_CREATORS) {
      const answer = await api(caller(role), 'POST', '/api/v1/dashboards', { name: 'nope' })
      expect(answer.status, role).toBe(403)
      expect(answer.json.error?.code).toBe('FORBIDDEN')
    }
  })

  it('a Reader views shared dashboards but gets 403 from every edit API, and never sees private ones', async () => {
    const shared = await createAs(caller('Patch Manager'), 'Shared by the manager', true)
    const secret = await createAs(caller('Patch Manager'), 'Private to the manager')
    const reader = caller('Patch Reader')
    expect((await api(reader, 'GET', `/api/v1/dashboards/${shared.id}`)).status).toBe(200)
    expect((await api(reader, 'GET', `/api/v1/dashboards/${shared.id}/data`)).status).toBe(200)
    expect((await api(reader, 'GET', `/api/v1/dashboards/${secret.id}`)).status).toBe(404)
    const list = (await api(reader, 'GET', '/api/v1/dashboards')).json as unknown as { dashboards: { id: string; canEdit: boolean }[]; canCreate: boolean }
    expect(list.dashboards.map((d) => d.id)).toContain(shared.id)
    expect(list.dashboards.map((d) => d.id)).not.toContain(secret.id)
    expect(list.dashboards.every((d) => !d.canEdit)).toBe(true)
    expect(list.canCreate).toBe(false)
    const edits = [
      api(reader, 'PUT', `/api/v1/dashboards/${shared.id}`, { revision: 1, definition: { ...EMPTY, name: 'taken over' } }),
      api(reader, 'PATCH', `/api/v1/dashboards/${shared.id}`, { name: 'taken over' }),
      api(reader, 'DELETE', `/api/v1/dashboards/${shared.id}`),
      api(reader, 'POST', `/api/v1/dashboards/${shared.id}/duplicate`, {}),
      api(reader, 'POST', `/api/v1/dashboards/${shared.id}/rebuild`, {}),
      api(reader, 'POST', '/api/v1/dashboards/import', {}),
      api(reader, 'POST', '/api/v1/widgets/preview', {}),
      api(reader, 'GET', `/api/v1/dashboards/${shared.id}/download?format=pdf`),
    ]
    for (const answer of await Promise.all(edits)) expect(answer.status, answer.text).toBe(403)
    expect((await api(caller('Patch Manager'), 'GET', `/api/v1/dashboards/${shared.id}`)).json).toMatchObject({ name: 'Shared by the manager', revision: 1 })
  })

  it("others' shared dashboards: viewable, not editable (403); Administrators edit and delete anyone's and list every dashboard", async () => {
    const shared = await createAs(author2, 'Author two shared', true)
    const secret = await createAs(author2, 'Author two private')
    for (const role of ['Patch Dashboard Author', 'Patch User', 'Patch Manager'] as Role[]) {
      const answer = await api(caller(role), 'PUT', `/api/v1/dashboards/${shared.id}`, { revision: 1, definition: { ...EMPTY, name: 'mine now' } })
      expect(answer.status, role).toBe(403)
      expect(answer.json.error?.message).toMatch(/owner or an Administrator/)
      expect((await api(caller(role), 'DELETE', `/api/v1/dashboards/${secret.id}`)).status, role).toBe(404)
    }
    const admin = caller('Administrator')
    const list = (await api(admin, 'GET', '/api/v1/dashboards')).json as unknown as { dashboards: { id: string; canEdit: boolean }[] }
    expect(list.dashboards.find((d) => d.id === secret.id)).toMatchObject({ canEdit: true })
    expect((await api(admin, 'PUT', `/api/v1/dashboards/${secret.id}`, { revision: 1, definition: { ...EMPTY, name: 'fixed by admin' } })).json).toMatchObject({
      revision: 2, owner: { email: 'second-author@test.io' }, updatedBy: { email: 'administrator@test.io' }, mine: false,
    })
    expect((await api(admin, 'DELETE', `/api/v1/dashboards/${shared.id}`)).status).toBe(200)
  })

  it('the resource decision is recorded with the role decision (the backstop sees both)', async () => {
    const board = await createAs(author2, 'Recorded', false)
    const answer = await api(caller('Patch User'), 'GET', `/api/v1/dashboards/${board.id}`)
    expect(answer.status).toBe(404)
    expect(answer.made).toEqual(expect.arrayContaining([{ by: 'role', action: 'dashboards.view', allowed: true }, { by: 'resource', resource: `dashboard:${board.id}`, allowed: false }]))
  })
})

describe('optimistic concurrency', () => {
  it('two authors saving the same revision at once: exactly one wins, the other gets 409 naming who saved and when; nothing is lost silently', async () => {
    const board = await createAs(caller('Administrator'), 'Contested', true)
    const admin = caller('Administrator')
    const manager = caller('Patch Manager')
    // The manager may not edit the admin's board; a second Administrator may.
    const otherAdmin = await createCaller(db, 'Administrator', 'other-admin@test.io')
    const [first, second] = await Promise.all([
      api(admin, 'PUT', `/api/v1/dashboards/${board.id}`, { revision: 1, definition: { ...EMPTY, name: 'Saved by admin' } }),
      api(otherAdmin, 'PUT', `/api/v1/dashboards/${board.id}`, { revision: 1, definition: { ...EMPTY, name: 'Saved by other admin' } }),
    ])
    const statuses = [first.status, second.status].sort()
    expect(statuses).toEqual([200, 409])
    const [winner, loser] = first.status === 200 ? [first, second] : [second, first]
    const winnerEmail = (winner.json as { updatedBy: { email: string } }).updatedBy.email
    expect(loser.json.error?.code).toBe('DASHBOARD_CHANGED')
    expect(loser.json.error?.message).toContain(winnerEmail)
    expect(loser.json.error).toMatchObject({ details: { revision: 2, expectedRevision: 1, updatedBy: { email: winnerEmail } } })
    const now = (await api(manager, 'GET', `/api/v1/dashboards/${board.id}`)).json
    expect(now).toMatchObject({ revision: 2, name: (winner.json as { name: string }).name })
  })

  it('many concurrent saves of one revision: one 200, the rest 409', async () => {
    const board = await createAs(author2, 'Busy')
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, index) => api(author2, 'PUT', `/api/v1/dashboards/${board.id}`, { revision: 1, definition: { ...EMPTY, name: `attempt ${index}` } })),
    )
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1)
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(5)
  })

  it('a rename or delete with a stale revision is refused too', async () => {
    const board = await createAs(author2, 'Stale')
    await api(author2, 'PATCH', `/api/v1/dashboards/${board.id}`, { name: 'Fresh' })
    expect((await api(author2, 'PATCH', `/api/v1/dashboards/${board.id}`, { revision: 1, shared: true })).status).toBe(409)
    expect((await api(author2, 'DELETE', `/api/v1/dashboards/${board.id}?revision=1`)).status).toBe(409)
    expect((await api(author2, 'DELETE', `/api/v1/dashboards/${board.id}?revision=2`)).status).toBe(200)
  })
})

describe('stored widgets this release cannot read', () => {
  it('are named in the view and come back as an invalid result from the data endpoint, never a 500', async () => {
    const board = await createAs(author2, 'From a future release', true)
    const [record] = await db.query<{ definition: string }>('SELECT definition FROM dashboards FINAL WHERE dashboard_id = {id:String}', { id: board.id })
    const stored = JSON.parse(record.definition)
    stored.widgets = [{ id: '7b0c6f52-3333-4000-8000-000000000001', type: 'gauge', title: 'Gauge from the future' }]
    const current = await findDashboard(db, board.id)
    await writeDashboard(db, { ...current!, definition: JSON.stringify(stored) })
    const view = await api(caller('Patch Reader'), 'GET', `/api/v1/dashboards/${board.id}`)
    expect(view.json).toMatchObject({ definition: { widgets: [] }, unreadableWidgets: [{ widgetId: '7b0c6f52-3333-4000-8000-000000000001', title: 'Gauge from the future' }] })
    const data = await api(caller('Patch Reader'), 'GET', `/api/v1/dashboards/${board.id}/data`)
    expect(data.status).toBe(200)
    expect(data.json).toMatchObject({ results: [{ status: 'invalid', widgetId: '7b0c6f52-3333-4000-8000-000000000001', problems: [{ message: expect.stringContaining('Gauge from the future') }] }] })
  })
})

describe('audit, home, default dashboard', () => {
  it('every change is audited with the state before and after', async () => {
    const board = await createAs(author2, 'Audited')
    await api(author2, 'PUT', `/api/v1/dashboards/${board.id}`, { revision: 1, definition: { ...EMPTY, name: 'Audited v2' } })
    await api(author2, 'PATCH', `/api/v1/dashboards/${board.id}`, { shared: true })
    await api(author2, 'DELETE', `/api/v1/dashboards/${board.id}`)
    const rows = await db.query<{ action: string; before: string; after: string }>(
      'SELECT action, before, after FROM audit_log WHERE entity = {entity:String} AND entity_id = {id:String} ORDER BY at', { entity: 'dashboard', id: board.id },
    )
    expect(rows.map((row) => row.action)).toEqual(['dashboard.create', 'dashboard.save', 'dashboard.share', 'dashboard.delete'])
    expect(JSON.parse(rows[1].before)).toMatchObject({ name: 'Audited', revision: 1 })
    expect(JSON.parse(rows[1].after)).toMatchObject({ name: 'Audited v2', revision: 2, definition: { widgets: [] } })
  })

  it('the default dashboard is created once (a restart creates nothing), shared, and only Administrators may change it', async () => {
    const first = await ensureStartDashboards(db)
    expect(first).toEqual([expect.stringContaining(DEFAULT_DASHBOARD.name)])
    expect(await ensureStartDashboards(db)).toEqual([])
    const reader = caller('Patch Reader')
    const list = (await api(reader, 'GET', '/api/v1/dashboards')).json as unknown as { dashboards: { id: string; name: string; isDefault: boolean }[]; defaultId: string }
    expect(list.dashboards.filter((d) => d.name === DEFAULT_DASHBOARD.name)).toHaveLength(1)
    const board = (await api(reader, 'GET', `/api/v1/dashboards/${list.defaultId}`)).json as { definition: { widgets: unknown[] }; isDefault: boolean; owner: { id: string } }
    expect(board).toMatchObject({ isDefault: true, owner: { id: 'system' } })
    expect(board.definition.widgets).toHaveLength(DEFAULT_DASHBOARD.widgets.length)
    expect((await api(caller('Patch Manager'), 'PATCH', `/api/v1/dashboards/${list.defaultId}`, { name: 'Mine' })).status).toBe(403)
    expect((await api(caller('Administrator'), 'PATCH', `/api/v1/dashboards/${list.defaultId}`, { description: 'Ours' })).status).toBe(200)
  })

  it('/ opens the home dashboard, else the default one; a home must be a dashboard the user may view', async () => {
    const user = caller('Patch User')
    const { defaultId } = (await api(user, 'GET', '/api/v1/dashboards')).json as unknown as { defaultId: string }
    expect(await landingPath(db, user.user)).toBe(`/dashboards/${defaultId}`)
    const mine = await createAs(user, 'My home')
    expect((await api(user, 'PUT', '/api/v1/dashboards/home', { dashboardId: mine.id })).json).toEqual({ homeId: mine.id })
    expect(await landingPath(db, user.user)).toBe(`/dashboards/${mine.id}`)
    expect(((await api(user, 'GET', '/api/v1/dashboards')).json as unknown as { homeId: string }).homeId).toBe(mine.id)
    const secret = await createAs(author2, 'Not yours')
    expect((await api(user, 'PUT', '/api/v1/dashboards/home', { dashboardId: secret.id })).status).toBe(404)
    await api(user, 'DELETE', `/api/v1/dashboards/${mine.id}`)
    expect(await landingPath(db, user.user)).toBe(`/dashboards/${defaultId}`)
    expect(((await api(user, 'GET', '/api/v1/dashboards')).json as unknown as { homeId: string | null }).homeId).toBeNull()
    expect((await api(user, 'PUT', '/api/v1/dashboards/home', { dashboardId: null })).json).toEqual({ homeId: null })
  })
})
