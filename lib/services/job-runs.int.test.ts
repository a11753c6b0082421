// Job runs over the real engine: assets (owner scope, constraints, licences) and patches (list, dynamic QQL) of a run,
// exactly once per job and time (repeat, concurrent calls, the scheduler across a restart), the job's bookkeeping, Run now.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { toSessionUser, type SessionUser } from '@/lib/auth/user'
import { seedEstate, seedUser, storedJob } from '@/lib/jobs/run-fixtures'
import { runSchedulerTick, startJobScheduler, stopJobScheduler } from '@/lib/jobs/ticker'
import { loadRun } from '@/lib/repositories/job-runs'
import { loadJob, writeJob, type StoredJob } from '@/lib/repositories/jobs'
import type { UserRecord } from '@/lib/repositories/users'
import { updateLicenseSettingsBody } from '@/lib/schemas/licenses'
import { updateSubscriptionBody } from '@/lib/schemas/subscription'
import { openTestDatabase } from '@/test/database'
import { createRun, runIdFor } from './job-runs'
import { runJobNow } from './job-runs-now'
import { updateLicenseSettings } from './licensing'
import { updateSubscription } from './subscription'

let db: Database
let close: () => Promise<void>
let berlinOwner: UserRecord
let manager: SessionUser
let otherUser: SessionUser

const TUE_22_BERLIN = new Date('2026-12-01T21:00:00.000Z')
const THU_22_BERLIN = '2026-12-03T21:00:00.000Z'

async function runAssetStatuses(runId: string): Promise<Record<string, string>> {
  const rows = await db.query<{ asset_id: string; status: string }>('SELECT asset_id, status FROM job_run_assets FINAL WHERE run_id = {runId:String} ORDER BY asset_id', { runId })
  return Object.fromEntries(rows.map((row) => [row.asset_id, row.status]))
}
/** Rows as written (no FINAL): a second write of the same run would show here. */
async function rawRunRows(jobId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT toUInt32(count()) AS n FROM job_runs WHERE job_id = {jobId:String}', { jobId })
  return Number(row.n)
}
const job = (id: string, changes: Partial<StoredJob> = {}) => writeJob(db, storedJob(id, berlinOwner, changes))

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  await seedEstate(db)
  berlinOwner = await seedUser(db, 'berlin@example.test', 'Patch User', { all: false, tags: ['Site-Berlin'] })
  manager = toSessionUser(await seedUser(db, 'manager@example.test', 'Patch Manager', { all: true, tags: [] }))
  otherUser = toSessionUser(await seedUser(db, 'other@example.test', 'Patch User', { all: true, tags: [] }))
})
afterAll(async () => close())

describe('createRun', () => {
  it("runs on the job's assets inside the owner's scope with the listed patches, and moves the job to its next slot", async () => {
    const weekly = await job('j-weekly')
    const result = await createRun(db, weekly, TUE_22_BERLIN, 'schedule', new Date('2026-12-01T21:00:05Z'))
    expect(result).toEqual({ runId: runIdFor('j-weekly', TUE_22_BERLIN), created: true })
    // Workstations are BER-1, BER-2 and AUS-1; the owner sees Berlin only.
    expect(await runAssetStatuses(result.runId)).toEqual({ 'a-ber-1': 'Assigned', 'a-ber-2': 'Assigned' })
    expect(await loadRun(db, result.runId)).toMatchObject({
      jobId: 'j-weekly', trigger: 'schedule', scheduledAt: TUE_22_BERLIN.toISOString(), patchIds: ['p-new', 'p-old'], assetCount: 2,
      // A 4 h window from when it was created.
      windowEndsAt: '2026-12-02T01:00:05.000Z',
    })
    expect(JSON.parse((await loadRun(db, result.runId))!.options)).toMatchObject({ downloadRandomizationMinutes: 30, opportunisticDownload: true, reboot: { mode: 'allow' } })
    expect(await loadJob(db, 'j-weekly')).toMatchObject({ status: 'Enabled', lastRunAt: TUE_22_BERLIN.toISOString(), nextRunAt: THU_22_BERLIN })
  })

  it('creates a run once: a second call for the same job and time writes nothing', async () => {
    const weekly = (await loadJob(db, 'j-weekly'))!
    expect(await createRun(db, weekly, TUE_22_BERLIN, 'schedule')).toEqual({ runId: runIdFor('j-weekly', TUE_22_BERLIN), created: false })
    expect(await rawRunRows('j-weekly')).toBe(1)
  })

  it('two concurrent calls for the same job and time make one run', async () => {
    const concurrent = await job('j-concurrent')
    const results = await Promise.all([createRun(db, concurrent, TUE_22_BERLIN, 'schedule'), createRun(db, concurrent, TUE_22_BERLIN, 'schedule')])
    expect(results.map((result) => result.created).sort()).toEqual([false, true])
    expect(new Set(results.map((result) => result.runId)).size).toBe(1)
    expect(await rawRunRows('j-concurrent')).toBe(1)
  })

  it('a dynamic query resolves to missing, non-superseded matches of the run assets, newest first, in the owner scope', async () => {
    const dynamic = await job('j-dynamic', { patches: { mode: 'dynamic', query: 'vendorSeverity: Critical', version: null } })
    const { runId } = await createRun(db, dynamic, TUE_22_BERLIN, 'schedule')
    // p-mid is missing only in Austin, p-super is superseded, p-low is not Critical, p-installed is installed.
    expect((await loadRun(db, runId))?.patchIds).toEqual(['p-new', 'p-old'])
  })

  it('a dynamic uninstall takes the matching patches installed on the run assets', async () => {
    const uninstall = await job('j-uninstall', { type: 'Uninstall', patches: { mode: 'dynamic', query: 'vendorSeverity: Critical', version: null } })
    const { runId } = await createRun(db, uninstall, TUE_22_BERLIN, 'schedule')
    expect((await loadRun(db, runId))?.patchIds).toEqual(['p-installed'])
  })

  it('a dynamic query takes at most 2,000 patches, the newest published first', async () => {
    await db.insert('assets', [{ asset_id: 'a-bulk', name: 'BULK', tags: ['Bulk'], version: 1 }])
    const ids = Array.from({ length: 2100 }, (_, index) => `p-bulk-${String(index).padStart(4, '0')}`)
    await db.insert('patches', ids.map((id, index) => ({ patch_id: id, title: id, vendor_severity: 'Moderate', published_at: new Date(Date.UTC(2020, 0, 1) + index * 3_600_000).toISOString(), version: 1 })))
    await db.insert('findings', ids.map((id) => ({ asset_id: 'a-bulk', patch_id: id, status: 'Missing', version: 1, is_deleted: 0 })))
    const bulk = await writeJob(db, storedJob('j-bulk', { id: manager.id, email: manager.email }, { targets: { ...storedJob('x', berlinOwner).targets, tags: ['Bulk'] }, patches: { mode: 'dynamic', query: 'vendorSeverity: Moderate', version: null } }))
    const patchIds = (await loadRun(db, (await createRun(db, bulk, TUE_22_BERLIN, 'schedule')).runId))!.patchIds
    expect(patchIds).toHaveLength(2000)
    expect([patchIds[0], patchIds[1999]]).toEqual(['p-bulk-2099', 'p-bulk-0100'])
  })

  it("after a change of owner, assets outside the old owner's scope are listed as Skipped: Out of Scope", async () => {
    const changed = await job('j-owner-changed', { targets: { ...storedJob('x', berlinOwner).targets, tags: ['Site-Berlin'] }, scopeConstraints: [{ all: false, tags: ['Workstations'] }] })
    const { runId } = await createRun(db, changed, TUE_22_BERLIN, 'schedule')
    expect(await runAssetStatuses(runId)).toEqual({ 'a-ber-1': 'Assigned', 'a-ber-2': 'Assigned', 'a-ber-srv': 'Skipped: Out of Scope' })
  })

  it('a run-once job is Completed after its run; its next run is none', async () => {
    const once = await job('j-once', { schedule: { ...storedJob('x', berlinOwner).schedule!, schedule: { type: 'Once', date: '2026-12-01', time: '22:00' } } })
    await createRun(db, once, TUE_22_BERLIN, 'schedule', new Date('2026-12-01T21:00:30Z'))
    expect(await loadJob(db, 'j-once')).toMatchObject({ status: 'Completed', lastRunAt: TUE_22_BERLIN.toISOString(), nextRunAt: null })
  })

  it('refuses a partially configured job and an advisory with a 409 naming why', async () => {
    const partial = await job('j-partial', { patches: null })
    await expect(createRun(db, partial, TUE_22_BERLIN, 'schedule')).rejects.toMatchObject({ kind: 'conflict', code: 'JOB_NOT_RUNNABLE', message: expect.stringContaining('no patches') })
    const advisory = await job('j-advisory', { isAdvisory: true, ownerId: '' })
    await expect(createRun(db, advisory, TUE_22_BERLIN, 'schedule')).rejects.toMatchObject({ code: 'JOB_NOT_RUNNABLE', message: expect.stringContaining('advisory') })
    expect(await rawRunRows('j-partial')).toBe(0)
  })
})

describe('the scheduler', () => {
  const NOW = new Date('2026-12-01T22:00:00Z')
  const MISSED = '2026-11-17T21:00:00.000Z'

  it('after downtime creates one run for the missed slots, then moves the job to the first slot after now', async () => {
    await job('j-missed', { nextRunAt: MISSED, lastRunAt: '2026-11-12T21:00:00.000Z' })
    const report = await runSchedulerTick(db, NOW)
    expect(report.created).toContain(runIdFor('j-missed', new Date(MISSED)))
    expect(await rawRunRows('j-missed')).toBe(1)
    expect(await loadJob(db, 'j-missed')).toMatchObject({ lastRunAt: MISSED, nextRunAt: THU_22_BERLIN })
    // The late run gets its whole 4 h window from now.
    expect((await loadRun(db, runIdFor('j-missed', new Date(MISSED))))?.windowEndsAt).toBe('2026-12-02T02:00:00.000Z')
  })

  it('a tick after a restart (fresh module state) creates nothing twice, even if the restart came before the job was advanced', async () => {
    // As if the server stopped after writing the run but before recording the job's next run.
    await writeJob(db, { ...(await loadJob(db, 'j-missed'))!, nextRunAt: MISSED })
    vi.resetModules()
    const restarted = await import('@/lib/jobs/ticker')
    const report = await restarted.runSchedulerTick(db, NOW)
    expect(report.created).not.toContain(runIdFor('j-missed', new Date(MISSED)))
    expect(await rawRunRows('j-missed')).toBe(1)
    expect(await loadJob(db, 'j-missed')).toMatchObject({ nextRunAt: THU_22_BERLIN })
    expect((await restarted.runSchedulerTick(db, NOW)).created).toEqual([])
  })

  it('leaves jobs alone that are not due, and on-demand jobs', async () => {
    await job('j-future', { nextRunAt: THU_22_BERLIN })
    await job('j-on-demand', { schedule: { ...storedJob('x', berlinOwner).schedule!, schedule: { type: 'On-demand' } } })
    await runSchedulerTick(db, NOW)
    expect(await rawRunRows('j-future')).toBe(0)
    expect(await rawRunRows('j-on-demand')).toBe(0)
  })

  it('started with the server, the scheduler ticks at once (runs missed while it was down) and stops cleanly', async () => {
    await job('j-started', { nextRunAt: TUE_22_BERLIN.toISOString() })
    await startJobScheduler(db, 3_600_000)
    await stopJobScheduler()
    expect(await loadRun(db, runIdFor('j-started', TUE_22_BERLIN))).toMatchObject({ jobId: 'j-started', trigger: 'schedule' })
  })

  it('a job with no next run stored yet is due at the first slot after its last change', async () => {
    await job('j-new', { updatedAt: '2026-12-01T12:00:00.000Z' })
    const report = await runSchedulerTick(db, NOW)
    expect(report.created).toContain(runIdFor('j-new', TUE_22_BERLIN))
  })
})

describe('Run now', () => {
  it('runs an enabled job now; pressed twice in a minute it answers the same run; audited', async () => {
    await job('j-now')
    const at = new Date('2026-12-01T15:30:20Z')
    const first = await runJobNow(db, manager, 'j-now', at)
    expect(first).toEqual({ runId: runIdFor('j-now', new Date('2026-12-01T15:30:00Z')), created: true })
    expect(await runJobNow(db, manager, 'j-now', new Date('2026-12-01T15:30:50Z'))).toEqual({ ...first, created: false })
    expect(await loadRun(db, first.runId)).toMatchObject({ trigger: 'manual' })
    const audit = await db.query<{ actor_email: string }>("SELECT actor_email FROM audit_log WHERE action = 'job.runNow' AND entity_id = 'j-now'")
    expect(audit.map((row) => row.actor_email)).toEqual(['manager@example.test', 'manager@example.test'])
  })

  it("refuses a disabled job (409) and another user's job (404)", async () => {
    await job('j-disabled', { status: 'Disabled' })
    await expect(runJobNow(db, manager, 'j-disabled')).rejects.toMatchObject({ kind: 'conflict', code: 'JOB_NOT_RUNNABLE', message: expect.stringContaining('disabled') })
    await expect(runJobNow(db, otherUser, 'j-now')).rejects.toMatchObject({ kind: 'not-found' })
  })
})

describe('licences and the subscription', () => {
  it('marks unlicensed and excluded assets as skipped', async () => {
    await updateSubscription(db, manager, updateSubscriptionBody.parse({ tier: 'paid', expiresAt: '2099-12-31' }))
    await updateLicenseSettings(db, manager, updateLicenseSettingsBody.parse({ licenseCount: 1, includeTags: ['Workstations'], excludeTags: ['Servers'] }))
    const site = await job('j-licences', { targets: { ...storedJob('x', berlinOwner).targets, tags: ['Site-Berlin'] } })
    const { runId } = await createRun(db, site, TUE_22_BERLIN, 'schedule')
    // One licence: BER-1 was activated first; BER-SRV carries the exclude tag.
    expect(await runAssetStatuses(runId)).toEqual({ 'a-ber-1': 'Assigned', 'a-ber-2': 'Skipped: Not Licensed', 'a-ber-srv': 'Skipped: Excluded by License' })
  })

  it('refuses to create a run on Free', async () => {
    await updateSubscription(db, manager, updateSubscriptionBody.parse({ tier: 'free', expiresAt: null }))
    const onFree = await job('j-free')
    await expect(createRun(db, onFree, TUE_22_BERLIN, 'schedule')).rejects.toMatchObject({ code: 'SUBSCRIPTION_NO_JOBS' })
    expect(await rawRunRows('j-free')).toBe(0)
  })
})
