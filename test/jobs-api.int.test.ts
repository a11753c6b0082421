// Jobs through the route handlers, per role (the matrix): view, create, edit own/other's, enable, disable, clone, change
// owner, delete, bulk, advisory create/assign; and two truly concurrent saves of one job (exactly one wins).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { ROLES, type Role } from '@/lib/auth/user'
import type { JobView } from '@/lib/schemas/jobs'
import { createCaller, dashboardApi as routeApi, type Api, type Caller } from './dashboard-callers'
import { openTestDatabase } from './database'
import { seedJobEstate, weeklyJob } from './jobs-fixtures'

let db: Database
let close: () => Promise<void>
let api: Api
const as: Partial<Record<Role, Caller>> = {}
let otherUser: Caller

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  await seedJobEstate(db)
  for (const role of ROLES) as[role] = await createCaller(db, role, `${role.replace(/\s+/g, '-').toLowerCase()}@test.io`)
  otherUser = await createCaller(db, 'Patch User', 'other-user@test.io')
  api = await routeApi()
}, 120_000)
afterAll(async () => {
  vi.restoreAllMocks()
  await close()
})

const caller = (role: Role) => as[role]!
const OPERATORS: Role[] = ['Patch User', 'Patch Manager', 'Administrator']
const NON_OPERATORS: Role[] = ['Patch Reader', 'Patch Dashboard Author', 'Patch Security']

async function createAs(who: Caller, name: string, body = weeklyJob(name)): Promise<JobView> {
  const answer = await api(who, 'POST', '/api/v1/jobs', body)
  expect(answer.status, answer.text).toBe(200)
  return answer.json as unknown as JobView
}

describe('the permission matrix', () => {
  it('Users, Managers and Administrators create jobs (Disabled); Readers, Dashboard Authors and Security get 403', async () => {
    for (const role of OPERATORS) {
      const job = await createAs(caller(role), `${role} job`)
      expect(job).toMatchObject({ status: 'Disabled', owner: { email: caller(role).user.email }, missing: [], isAdvisory: false, scheduleText: 'Weekly on Tue, Thu at 22:00 Europe/Berlin' })
      expect(job.actions).toEqual(expect.arrayContaining(['view', 'edit', 'clone', 'enable', 'delete']))
    }
    for (const role of NON_OPERATORS) {
      const answer = await api(caller(role), 'POST', '/api/v1/jobs', weeklyJob('nope'))
      expect(answer.status, role).toBe(403)
    }
  })

  it("each role views, edits, enables, disables, clones and deletes its own job; another user's job only with jobs.viewAny / operateAny", async () => {
    for (const role of ROLES) {
      const theirs = await createAs(otherUser, `Other's job for ${role}`)
      const who = caller(role)
      const view = await api(who, 'GET', `/api/v1/jobs/${theirs.id}`)
      const seesAny = ['Patch Security', 'Patch Manager', 'Administrator'].includes(role)
      expect(view.status, `${role} view other's`).toBe(seesAny ? 200 : 404)
      const edit = await api(who, 'PUT', `/api/v1/jobs/${theirs.id}`, { ...weeklyJob('taken over'), version: 1 })
      const operatesAny = role === 'Patch Manager' || role === 'Administrator'
      expect(edit.status, `${role} edit other's`).toBe(operatesAny ? 200 : role === 'Patch User' ? 404 : 403)
      for (const action of ['enable', 'disable'] as const) {
        const answer = await api(who, 'POST', `/api/v1/jobs/${theirs.id}/${action}`)
        expect(answer.status, `${role} ${action} other's`).toBe(operatesAny ? 200 : role === 'Patch User' ? 404 : 403)
      }
      const clone = await api(who, 'POST', `/api/v1/jobs/${theirs.id}/clone`, {})
      expect(clone.status, `${role} clone other's`).toBe(operatesAny ? 200 : role === 'Patch User' ? 404 : 403)
      if (clone.status === 200) expect(clone.json).toMatchObject({ name: "Copy of taken over", status: 'Disabled', owner: { id: who.user.id } })
      const owner = await api(who, 'POST', `/api/v1/jobs/${theirs.id}/owner`, { ownerId: caller('Patch User').user.id })
      expect(owner.status, `${role} change owner`).toBe(operatesAny ? 200 : 403)
      const remove = await api(who, 'DELETE', `/api/v1/jobs/${theirs.id}`)
      expect(remove.status, `${role} delete other's`).toBe(operatesAny ? 200 : role === 'Patch User' && owner.status !== 200 ? 404 : 403)
    }
    for (const role of OPERATORS) {
      const who = caller(role)
      const mine = await createAs(who, `Mine (${role})`)
      expect((await api(who, 'GET', `/api/v1/jobs/${mine.id}`)).status, `${role} view own`).toBe(200)
      expect((await api(who, 'PUT', `/api/v1/jobs/${mine.id}`, { ...weeklyJob(`Mine (${role}), renamed`), version: 1 })).json, `${role} edit own`).toMatchObject({ name: `Mine (${role}), renamed`, version: 2 })
      expect((await api(who, 'POST', `/api/v1/jobs/${mine.id}/enable`)).json, `${role} enable own`).toMatchObject({ status: 'Enabled', nextRunAt: expect.any(String) })
      expect((await api(who, 'POST', `/api/v1/jobs/${mine.id}/disable`)).json, `${role} disable own`).toMatchObject({ status: 'Disabled', nextRunAt: null })
      expect((await api(who, 'POST', `/api/v1/jobs/${mine.id}/clone`, { name: `Copy (${role})` })).json, `${role} clone own`).toMatchObject({ name: `Copy (${role})`, status: 'Disabled' })
      expect((await api(who, 'POST', `/api/v1/jobs/${mine.id}/owner`, { ownerId: otherUser.user.id })).status, `${role} change owner of own`).toBe(role === 'Patch User' ? 403 : 200)
      expect((await api(who, 'DELETE', `/api/v1/jobs/${mine.id}`)).status, `${role} delete own`).toBe(200)
      expect((await api(who, 'GET', `/api/v1/jobs/${mine.id}`)).status).toBe(404)
    }
  })

  it('every role sees every job listed, with the detail only of those it may view', async () => {
    const theirs = await createAs(otherUser, 'Listed to everyone')
    for (const role of ROLES) {
      const answer = await api(caller(role), 'GET', `/api/v1/jobs?q=${encodeURIComponent('name: "Listed to everyone"')}`)
      expect(answer.status, role).toBe(200)
      const [row] = (answer.json as unknown as { rows: JobView[] }).rows
      expect(row.id).toBe(theirs.id)
      const seesAny = ['Patch Security', 'Patch Manager', 'Administrator'].includes(role)
      expect(row.actions.includes('view'), role).toBe(seesAny)
      expect(row.patches, role).toEqual(seesAny ? { mode: 'list', patchIds: ['p-chrome', 'p-7zip'] } : null)
      expect(row.assetCount).toBe(2)
    }
  })

  it('bulk: each id done or refused with its reason; changeOwner needs jobs.changeOwner; Readers get 403', async () => {
    const user = caller('Patch User')
    const mine = await createAs(user, 'Bulk mine')
    const partial = await createAs(user, 'Bulk partial', weeklyJob('Bulk partial', { patches: null }))
    const theirs = await createAs(otherUser, 'Bulk theirs')
    const enable = await api(user, 'POST', '/api/v1/jobs/bulk', { action: 'enable', ids: [mine.id, partial.id, theirs.id] })
    expect(enable.json).toEqual({
      done: [mine.id],
      refused: [
        { id: partial.id, reason: expect.stringContaining('no patches') },
        { id: theirs.id, reason: expect.stringContaining('No such job') },
      ],
    })
    expect((await api(user, 'POST', '/api/v1/jobs/bulk', { action: 'changeOwner', ids: [mine.id], ownerId: otherUser.user.id })).status).toBe(403)
    expect((await api(caller('Patch Reader'), 'POST', '/api/v1/jobs/bulk', { action: 'delete', ids: [mine.id] })).status).toBe(403)
    const manager = caller('Patch Manager')
    const moved = await api(manager, 'POST', '/api/v1/jobs/bulk', { action: 'changeOwner', ids: [mine.id, theirs.id], ownerId: caller('Patch Manager').user.id })
    expect(moved.json).toEqual({ done: [mine.id, theirs.id], refused: [] })
    const removed = await api(manager, 'POST', '/api/v1/jobs/bulk', { action: 'delete', ids: [mine.id, theirs.id, partial.id] })
    expect(removed.json).toEqual({ done: [mine.id, theirs.id, partial.id], refused: [] })
  })
})

describe('job advisories', () => {
  const advisory = { basics: { name: 'Chrome zero-day', type: 'Install' }, patches: { mode: 'list', patchIds: ['p-chrome'] }, advisory: true }

  it('Patch Security (and Administrators) create advisories: basics and a patch list, no owner; others get 403', async () => {
    const created = await api(caller('Patch Security'), 'POST', '/api/v1/jobs', advisory)
    expect(created.status, created.text).toBe(200)
    expect(created.json).toMatchObject({ isAdvisory: true, owner: null, status: 'Disabled', missing: ['targets', 'schedule'] })
    expect((created.json as unknown as JobView).actions).toEqual(['view'])
    for (const role of ['Patch Reader', 'Patch Dashboard Author', 'Patch User', 'Patch Manager'] as Role[]) {
      expect((await api(caller(role), 'POST', '/api/v1/jobs', advisory)).status, role).toBe(403)
    }
    const withTargets = await api(caller('Patch Security'), 'POST', '/api/v1/jobs', { ...advisory, targets: { tags: ['Workstations'] } })
    expect(withTargets.status).toBe(400)
    expect(withTargets.json.error?.code).toBe('JOB_ADVISORY_SHAPE')
  })

  it('Security can neither edit nor enable an advisory nor own a job; a Manager assigns it to a Patch User, who owns and completes it', async () => {
    const security = caller('Patch Security')
    const manager = caller('Patch Manager')
    const user = caller('Patch User')
    const created = (await api(security, 'POST', '/api/v1/jobs', advisory)).json as unknown as JobView
    expect((await api(security, 'PUT', `/api/v1/jobs/${created.id}`, { ...weeklyJob('edit'), version: 1 })).status).toBe(403)
    expect((await api(security, 'POST', `/api/v1/jobs/${created.id}/enable`)).status).toBe(403)
    expect((await api(security, 'POST', `/api/v1/jobs/${created.id}/assign`, { ownerId: user.user.id })).status).toBe(403)
    expect((await api(user, 'POST', `/api/v1/jobs/${created.id}/assign`, { ownerId: user.user.id })).status).toBe(403)
    const toSecurity = await api(manager, 'POST', `/api/v1/jobs/${created.id}/assign`, { ownerId: security.user.id })
    expect(toSecurity.status).toBe(400)
    expect(toSecurity.json.error?.message).toContain('only a Patch User, Patch Manager or Administrator may own a job')
    expect((await api(manager, 'POST', `/api/v1/jobs/${created.id}/enable`)).json.error?.code).toBe('JOB_IS_ADVISORY')
    const assigned = await api(manager, 'POST', `/api/v1/jobs/${created.id}/assign`, { ownerId: user.user.id })
    expect(assigned.json).toMatchObject({ isAdvisory: false, owner: { id: user.user.id }, status: 'Disabled' })
    const completed = await api(user, 'PUT', `/api/v1/jobs/${created.id}`, { ...weeklyJob('Chrome zero-day', { patches: { mode: 'list', patchIds: ['p-chrome'] } }), version: 2 })
    expect(completed.json).toMatchObject({ missing: [], owner: { id: user.user.id } })
    expect((await api(user, 'POST', `/api/v1/jobs/${created.id}/enable`)).json).toMatchObject({ status: 'Enabled' })
  })
})

describe('optimistic concurrency', () => {
  it('two truly concurrent saves of the same version: exactly one wins, the other is 409 naming who saved and when', async () => {
    const user = caller('Patch User')
    const manager = caller('Patch Manager')
    const job = await createAs(user, 'Concurrent')
    const answers = await Promise.all([
      api(user, 'PUT', `/api/v1/jobs/${job.id}`, { ...weeklyJob('By the user'), version: 1 }),
      api(manager, 'PUT', `/api/v1/jobs/${job.id}`, { ...weeklyJob('By the manager'), version: 1 }),
    ])
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409])
    const winner = answers.find((answer) => answer.status === 200)!.json as unknown as JobView
    const loser = answers.find((answer) => answer.status === 409)!
    expect(loser.json.error?.code).toBe('JOB_CHANGED')
    const winnerEmail = winner.name === 'By the user' ? user.user.email : manager.user.email
    expect(loser.json.error?.message).toContain(`${winnerEmail} saved this job at`)
    expect((await api(user, 'GET', `/api/v1/jobs/${job.id}`)).json).toMatchObject({ name: winner.name, version: 2 })
  })
})
