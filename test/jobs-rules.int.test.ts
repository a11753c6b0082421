// The job rules through the API, each with a test: partially configured jobs, run-once / on-demand locks, co-author
// limits and eligibility, the owner's scope (and both scopes after a change of owner), the audit trail, the subscription,
// the server disabling jobs, the list's filters and counts, previews, step validation and job autocomplete.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Database } from '@/clickhouse/client'
import type { JobView } from '@/lib/schemas/jobs'
import { listJobRuns } from '@/lib/repositories/job-runs'
import { resolveJobAssets } from '@/lib/repositories/job-targets'
import { loadJob } from '@/lib/repositories/jobs'
import { deleteUser, findUserById } from '@/lib/repositories/users'
import { updateSubscription } from '@/lib/services/subscription'
import { updateSubscriptionBody } from '@/lib/schemas/subscription'
import { disableEnabledJobs } from '@/lib/services/jobs-system'
import { createCaller, dashboardApi as routeApi, type Api, type Caller } from './dashboard-callers'
import { openTestDatabase } from './database'
import { seedJobEstate, weeklyJob, withSchedule } from './jobs-fixtures'

let db: Database
let close: () => Promise<void>
let api: Api
let berlinUser: Caller
let workstationsUser: Caller
let manager: Caller
let reader: Caller
let security: Caller
let admin: Caller

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  await seedJobEstate(db)
  berlinUser = await createCaller(db, 'Patch User', 'berlin@test.io', { all: false, tags: ['Site-Berlin'] })
  workstationsUser = await createCaller(db, 'Patch User', 'workstations@test.io', { all: false, tags: ['Workstations'] })
  manager = await createCaller(db, 'Patch Manager', 'manager@test.io')
  reader = await createCaller(db, 'Patch Reader', 'reader@test.io')
  security = await createCaller(db, 'Patch Security', 'security@test.io')
  admin = await createCaller(db, 'Administrator', 'admin@test.io')
  api = await routeApi()
}, 120_000)
afterAll(async () => {
  vi.restoreAllMocks()
  await close()
})

async function create(who: Caller, body: unknown): Promise<JobView> {
  const answer = await api(who, 'POST', '/api/v1/jobs', body)
  expect(answer.status, answer.text).toBe(200)
  return answer.json as unknown as JobView
}
const get = async (who: Caller, id: string) => (await api(who, 'GET', `/api/v1/jobs/${id}`)).json as unknown as JobView

describe('partially configured jobs', () => {
  it('a job missing patches, targets or schedule is saved, says what is missing, and cannot be enabled (409 naming it)', async () => {
    const job = await create(berlinUser, { basics: { name: 'Half done', type: 'Install' } })
    expect(job.missing).toEqual(['patches', 'targets', 'schedule'])
    expect(job.actions).not.toContain('enable')
    const refused = await api(berlinUser, 'POST', `/api/v1/jobs/${job.id}/enable`)
    expect(refused.status).toBe(409)
    expect(refused.json.error).toMatchObject({ code: 'JOB_PARTIALLY_CONFIGURED', message: expect.stringContaining('no patches, no targets, no schedule') })
    const list = await api(berlinUser, 'GET', `/api/v1/jobs?q=${encodeURIComponent('isPartiallyConfigured: true')}&mine=1`)
    expect((list.json as unknown as { rows: JobView[] }).rows.map((row) => row.id)).toEqual([job.id])
  })
})

describe('a job whose owner was deleted', () => {
  it('cannot be enabled until a Patch Manager gives it a new owner', async () => {
    const leaver = await createCaller(db, 'Patch User', 'leaver@test.io')
    const job = await create(leaver, weeklyJob('Left behind'))
    await deleteUser(db, (await findUserById(db, leaver.user.id))!)
    const refused = await api(manager, 'POST', `/api/v1/jobs/${job.id}/enable`)
    expect(refused.status).toBe(409)
    expect(refused.json.error).toMatchObject({ code: 'JOB_OWNER_MISSING', message: expect.stringContaining('new owner') })
    await api(manager, 'POST', `/api/v1/jobs/${job.id}/owner`, { ownerId: berlinUser.user.id })
    expect((await api(manager, 'POST', `/api/v1/jobs/${job.id}/enable`)).json).toMatchObject({ status: 'Enabled', owner: { email: 'berlin@test.io' } })
  })
})

describe('saving an enabled job', () => {
  it('moves its next run with the schedule; it cannot lose its patches, targets or schedule, nor become run-once or on-demand', async () => {
    const job = await create(berlinUser, weeklyJob('Enabled weekly'))
    const enabled = (await api(berlinUser, 'POST', `/api/v1/jobs/${job.id}/enable`)).json as unknown as JobView
    const daily = await api(berlinUser, 'PUT', `/api/v1/jobs/${job.id}`, { ...withSchedule('Enabled weekly', { type: 'Daily', time: '03:15' }), version: enabled.version })
    expect(daily.json).toMatchObject({ status: 'Enabled', nextRunAt: expect.stringMatching(/T03:15:00\.000Z$/) })
    const version = (daily.json as unknown as JobView).version
    const partial = await api(berlinUser, 'PUT', `/api/v1/jobs/${job.id}`, { ...weeklyJob('Enabled weekly', { patches: null }), version })
    expect(partial.json.error).toMatchObject({ code: 'JOB_ENABLED_INCOMPLETE', message: expect.stringContaining('no patches') })
    const onDemand = await api(berlinUser, 'PUT', `/api/v1/jobs/${job.id}`, { ...withSchedule('Enabled weekly', { type: 'On-demand' }), version })
    expect(onDemand.json.error?.code).toBe('JOB_ENABLED_ONE_OFF')
    await api(berlinUser, 'POST', `/api/v1/jobs/${job.id}/disable`)
    const disabled = await get(berlinUser, job.id)
    expect((await api(berlinUser, 'PUT', `/api/v1/jobs/${job.id}`, { ...withSchedule('Now on demand', { type: 'On-demand' }), version: disabled.version })).json).toMatchObject({ status: 'Disabled', actions: expect.arrayContaining(['edit', 'enable']) })
  })
})

describe('run-once and on-demand jobs', () => {
  it('enabling an on-demand job starts its run at once; then it cannot be edited or disabled, only deleted', async () => {
    const job = await create(berlinUser, withSchedule('Now please', { type: 'On-demand' }))
    const enabled = await api(berlinUser, 'POST', `/api/v1/jobs/${job.id}/enable`)
    expect(enabled.status, enabled.text).toBe(200)
    const runs = await listJobRuns(db, job.id)
    expect(runs).toHaveLength(1)
    expect(runs[0]).toMatchObject({ trigger: 'enable' })
    const after = await get(berlinUser, job.id)
    expect(after.status).toBe('Completed')
    expect(after.actions).not.toEqual(expect.arrayContaining(['edit']))
    const edit = await api(berlinUser, 'PUT', `/api/v1/jobs/${job.id}`, { ...weeklyJob('More assets', { targets: { tags: ['Workstations', 'Servers'] } }), version: after.version })
    expect(edit.status).toBe(409)
    expect(edit.json.error).toMatchObject({ code: 'JOB_LOCKED', message: expect.stringContaining('cannot be edited once enabled, only deleted') })
    expect((await api(berlinUser, 'POST', `/api/v1/jobs/${job.id}/disable`)).status).toBe(409)
    expect((await api(berlinUser, 'DELETE', `/api/v1/jobs/${job.id}`)).status).toBe(200)
  })

  it('a run-once job: enabled for a future date it cannot be edited or disabled; a past date cannot be enabled', async () => {
    const future = await create(berlinUser, withSchedule('Christmas', { type: 'Once', date: '2099-12-24', time: '22:00' }))
    expect((await api(berlinUser, 'POST', `/api/v1/jobs/${future.id}/enable`)).json).toMatchObject({ status: 'Enabled', nextRunAt: '2099-12-24T22:00:00.000Z' })
    const locked = await get(berlinUser, future.id)
    expect(locked.actions).toEqual(expect.arrayContaining(['view', 'delete']))
    expect(locked.actions).not.toEqual(expect.arrayContaining(['edit']))
    expect(locked.actions).not.toEqual(expect.arrayContaining(['disable']))
    const disable = await api(berlinUser, 'POST', `/api/v1/jobs/${future.id}/disable`)
    expect(disable.json.error?.message).toContain('A run-once job cannot be disabled once enabled, only deleted.')
    expect((await api(berlinUser, 'PUT', `/api/v1/jobs/${future.id}`, { ...weeklyJob('x'), version: locked.version })).status).toBe(409)
    const past = await create(berlinUser, withSchedule('Yesterday', { type: 'Once', date: '2020-01-01', time: '22:00' }))
    expect((await api(berlinUser, 'POST', `/api/v1/jobs/${past.id}/enable`)).json.error?.code).toBe('JOB_ONCE_PAST')
  })

  it('an enabled run-once job takes no new assets: a kiosk tagged later is not among them', async () => {
    await db.insert('assets', [{ asset_id: 'a-kiosk-1', name: 'KIOSK-BER-1', tags: ['Site-Berlin', 'Kiosk'], version: 1 }])
    const kiosks = (name: string, type: 'Once' | 'Weekly') =>
      weeklyJob(name, { targets: { tags: ['Kiosk'] }, schedule: { schedule: type === 'Once' ? { type, date: '2099-06-01', time: '02:00' } : { type, time: '02:00', days: ['Mon'] }, timeZone: 'UTC' } })
    const job = await create(berlinUser, kiosks('Frozen', 'Once'))
    const weekly = await create(berlinUser, kiosks('Not frozen', 'Weekly'))
    const enabled = (await api(berlinUser, 'POST', `/api/v1/jobs/${job.id}/enable`)).json as unknown as JobView
    expect(enabled.targets).toMatchObject({ assetIds: ['a-kiosk-1'], tags: ['Kiosk'] })
    await db.insert('assets', [{ asset_id: 'a-kiosk-2', name: 'KIOSK-BER-2', tags: ['Site-Berlin', 'Kiosk'], version: 1 }])
    expect(await get(berlinUser, job.id)).toMatchObject({ assetCount: 1, taggedAssets: { matched: 2, included: 1 } })
    expect(await resolveJobAssets(db, (await loadJob(db, job.id))!, berlinUser.user.scope)).toEqual(['a-kiosk-1'])
    expect(await get(berlinUser, weekly.id)).toMatchObject({ assetCount: 2, taggedAssets: { matched: 2, included: 2 } })
  })
})

describe('co-authors', () => {
  it('must have the same or a higher role and a scope at least as large; Readers and Security never', async () => {
    const people = await api(berlinUser, 'GET', '/api/v1/jobs/people?purpose=coAuthor')
    const emails = (people.json as unknown as { people: { email: string }[] }).people.map((person) => person.email)
    expect(emails).toEqual(expect.arrayContaining(['manager@test.io', 'admin@test.io']))
    expect(emails).not.toEqual(expect.arrayContaining(['reader@test.io']))
    expect(emails).not.toContain('security@test.io')
    expect(emails).not.toContain('workstations@test.io')
    expect(emails).not.toContain('berlin@test.io')
    for (const ineligible of [reader, security, workstationsUser]) {
      const answer = await api(berlinUser, 'POST', '/api/v1/jobs', weeklyJob('With a co-author', { coAuthors: { coAuthorIds: [ineligible.user.id] } }))
      expect(answer.status, ineligible.user.email).toBe(400)
    }
    expect((await api(reader, 'GET', '/api/v1/jobs/people?purpose=coAuthor')).status).toBe(403)
    expect((await api(berlinUser, 'GET', '/api/v1/jobs/people?purpose=owner')).status).toBe(403)
    const owners = (await api(manager, 'GET', '/api/v1/jobs/people?purpose=owner')).json as unknown as { people: { role: string }[] }
    expect(new Set(owners.people.map((person) => person.role))).toEqual(new Set(['Patch User', 'Patch Manager', 'Administrator']))
  })

  it('a co-author (a Patch User) views and edits the job, adds and removes tags, but not assets or co-authors', async () => {
    const coAuthor = await createCaller(db, 'Patch User', 'co-author@test.io', { all: true, tags: [] })
    const job = await create(berlinUser, weeklyJob('Shared work', { coAuthors: { coAuthorIds: [coAuthor.user.id] }, targets: { assetIds: ['a-ber-2'], tags: ['Workstations'] } }))
    expect(job.coAuthors).toEqual([{ id: coAuthor.user.id, email: 'co-author@test.io' }])
    expect((await get(coAuthor, job.id)).actions).toContain('edit')
    const tags = await api(coAuthor, 'PUT', `/api/v1/jobs/${job.id}`, { ...weeklyJob('Shared work', { coAuthors: { coAuthorIds: [coAuthor.user.id] }, targets: { assetIds: ['a-ber-2'], tags: ['Servers'] } }), version: 1 })
    expect(tags.status, tags.text).toBe(200)
    expect(tags.json).toMatchObject({ targets: { tags: ['Servers'] }, version: 2 })
    const assets = await api(coAuthor, 'PUT', `/api/v1/jobs/${job.id}`, { ...weeklyJob('Shared work', { coAuthors: { coAuthorIds: [coAuthor.user.id] }, targets: { assetIds: ['a-ber-1'], tags: ['Servers'] } }), version: 2 })
    expect(assets.status).toBe(403)
    expect(assets.json.error?.message).toContain('not its assets')
    const coAuthors = await api(coAuthor, 'PUT', `/api/v1/jobs/${job.id}`, { ...weeklyJob('Shared work', { targets: { assetIds: ['a-ber-2'], tags: ['Servers'] } }), version: 2 })
    expect(coAuthors.status).toBe(403)
    expect((await api(berlinUser, 'PUT', `/api/v1/jobs/${job.id}`, { ...weeklyJob('Shared work', { targets: { assetIds: ['a-ber-1'], tags: [] } }), version: 2 })).json).toMatchObject({ coAuthors: [], targets: { assetIds: ['a-ber-1'] } })
  })
})

describe("the owner's scope", () => {
  it("a job includes only assets in its owner's scope; after a change of owner only those in both the old and the new owner's", async () => {
    const job = await create(berlinUser, weeklyJob('Workstations in Berlin'))
    expect(job.assetCount).toBe(1) // a-ber-1: a-aus-1 is a workstation outside Berlin
    expect(job.taggedAssets).toEqual({ matched: 1, included: 1 })
    const moved = await api(manager, 'POST', `/api/v1/jobs/${job.id}/owner`, { ownerId: workstationsUser.user.id })
    expect(moved.json).toMatchObject({ owner: { email: 'workstations@test.io' }, assetCount: 1 })
    const stored = (await loadJob(db, job.id))!
    expect(stored.scopeConstraints).toEqual([{ all: false, tags: ['Site-Berlin'] }])
    expect(await resolveJobAssets(db, stored, workstationsUser.user.scope)).toEqual(['a-ber-1'])
    expect(await resolveJobAssets(db, { ...stored, scopeConstraints: [] }, workstationsUser.user.scope)).toEqual(['a-aus-1', 'a-ber-1'])
    await api(manager, 'POST', `/api/v1/jobs/${job.id}/owner`, { ownerId: manager.user.id })
    expect((await get(manager, job.id)).assetCount).toBe(1)
  })
})

describe('audit', () => {
  it('every action is in the audit log with the state before and after', async () => {
    const job = await create(berlinUser, weeklyJob('Audited'))
    await api(berlinUser, 'PUT', `/api/v1/jobs/${job.id}`, { ...weeklyJob('Audited, renamed'), version: 1 })
    await api(berlinUser, 'POST', `/api/v1/jobs/${job.id}/enable`)
    await api(berlinUser, 'POST', `/api/v1/jobs/${job.id}/disable`)
    await api(manager, 'POST', `/api/v1/jobs/${job.id}/owner`, { ownerId: manager.user.id })
    await api(manager, 'DELETE', `/api/v1/jobs/${job.id}`)
    const rows = await db.query<{ action: string; actor: string; before: string; after: string }>(
      `SELECT action, actor_email AS actor, before, after FROM audit_log WHERE entity = 'job' AND entity_id = {id:String} ORDER BY at, action`,
      { id: job.id },
    )
    expect(rows.map((row) => [row.action, row.actor])).toEqual([
      ['job.create', 'berlin@test.io'],
      ['job.update', 'berlin@test.io'],
      ['job.enable', 'berlin@test.io'],
      ['job.disable', 'berlin@test.io'],
      ['job.changeOwner', 'manager@test.io'],
      ['job.delete', 'manager@test.io'],
    ])
    const update = rows[1]
    expect(JSON.parse(update.before)).toMatchObject({ name: 'Audited', revision: 1 })
    expect(JSON.parse(update.after)).toMatchObject({ name: 'Audited, renamed', revision: 2 })
    expect(JSON.parse(rows[4].after)).toMatchObject({ ownerEmail: 'manager@test.io' })
    expect(JSON.parse(rows[5].before)).toMatchObject({ id: job.id })
  })
})

describe('the subscription', () => {
  it('on Free, creating, cloning and enabling a deployment job is refused with a clear message; advisories still work', async () => {
    const job = await create(berlinUser, weeklyJob('Before Free'))
    await updateSubscription(db, admin.user, updateSubscriptionBody.parse({ tier: 'free' }))
    try {
      const refused = await api(berlinUser, 'POST', '/api/v1/jobs', weeklyJob('On Free'))
      expect(refused.status).toBe(409)
      expect(refused.json.error).toMatchObject({ code: 'SUBSCRIPTION_NO_JOBS', message: expect.stringContaining('The subscription is Free: deployment and uninstall jobs cannot be created') })
      expect((await api(berlinUser, 'POST', `/api/v1/jobs/${job.id}/clone`, {})).json.error?.code).toBe('SUBSCRIPTION_NO_JOBS')
      expect((await api(berlinUser, 'POST', `/api/v1/jobs/${job.id}/enable`)).json.error?.code).toBe('SUBSCRIPTION_NO_JOBS')
      const advisory = await api(security, 'POST', '/api/v1/jobs', { basics: { name: 'Advisory on Free', type: 'Install' }, patches: { mode: 'list', patchIds: ['p-chrome'] }, advisory: true })
      expect(advisory.status).toBe(200)
    } finally {
      await updateSubscription(db, admin.user, updateSubscriptionBody.parse({ tier: 'paid', expiresAt: '2099-12-31' }))
    }
    expect((await api(berlinUser, 'POST', `/api/v1/jobs/${job.id}/enable`)).status).toBe(200)
  })

  it('disableEnabledJobs disables every enabled job with its reason (audited as system); re-enabling by hand clears it', async () => {
    const job = await create(berlinUser, weeklyJob('Will be disabled'))
    await api(berlinUser, 'POST', `/api/v1/jobs/${job.id}/enable`)
    const count = await disableEnabledJobs(db, 'The subscription fell back to Free on 2026-12-02.')
    expect(count).toBeGreaterThanOrEqual(1)
    expect(await get(berlinUser, job.id)).toMatchObject({ status: 'Disabled', disabledReason: 'The subscription fell back to Free on 2026-12-02.', nextRunAt: null })
    const [entry] = await db.query<{ actor: string }>(`SELECT actor_email AS actor FROM audit_log WHERE entity_id = {id:String} AND action = 'job.disable'`, { id: job.id })
    expect(entry.actor).toBe('system')
    expect(await disableEnabledJobs(db, 'again')).toBe(0)
    expect((await api(berlinUser, 'POST', `/api/v1/jobs/${job.id}/enable`)).json).toMatchObject({ status: 'Enabled', disabledReason: '' })
  })
})
