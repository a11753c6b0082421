// Jobs in the agent's time zone over the real engine: one run per slot, due on each asset at the slot's wall-clock time
// in the asset's own zone (UTC when unknown), each with its own window; chosen-zone jobs and Run now are due at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { toSessionUser } from '@/lib/auth/user'
import { seedUser, storedJob } from '@/lib/jobs/run-fixtures'
import { runSchedulerTick } from '@/lib/jobs/ticker'
import { loadRun } from '@/lib/repositories/job-runs'
import { EMPTY_TARGETS, loadJob, writeJob, type StoredJob } from '@/lib/repositories/jobs'
import type { UserRecord } from '@/lib/repositories/users'
import { openTestDatabase } from '@/test/database'
import { createRun, runIdFor } from './job-runs'
import { agentJobs } from './job-runs-agent'
import { runJobNow } from './job-runs-now'

let db: Database
let close: () => Promise<void>
let owner: UserRecord

const ZONED_ASSETS = [
  { asset_id: 'z-kolkata', time_zone: 'Asia/Kolkata' },
  { asset_id: 'z-new-york', time_zone: 'America/New_York' },
  { asset_id: 'z-unknown', time_zone: '' },
]
/** Daily 22:00, 4 h window, on the Zoned assets; timeZone '' is the agent's. Last changed before the first slot. */
const dailyJob = (id: string, timeZone: string, changes: Partial<StoredJob> = {}) =>
  writeJob(
    db,
    storedJob(id, owner, {
      targets: { ...EMPTY_TARGETS, tags: ['Zoned'] },
      patches: { mode: 'list', patchIds: ['p-zone'] },
      schedule: { schedule: { type: 'Daily', time: '22:00', startDate: null }, timeZone, patchWindowHours: 4, downloadRandomizationMinutes: 0, opportunisticDownload: false },
      updatedAt: '2026-11-30T12:00:00.000Z',
      ...changes,
    }),
  )

/** What the agent API hands `assetId` at `at`: each run's id with the asset's own due time and window end. */
async function handed(assetId: string, at: string) {
  const { runs } = await agentJobs(db, assetId, [], new Date(at))
  return runs.map((run) => ({ runId: run.runId, scheduledAt: run.scheduledAt, windowEndsAt: run.windowEndsAt }))
}

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  await db.insert('assets', ZONED_ASSETS.map((asset) => ({ ...asset, name: asset.asset_id.toUpperCase(), tags: ['Zoned'], activated_at: '2026-01-01T00:00:00Z', version: 1 })))
  await db.insert('patches', [{ patch_id: 'p-zone', title: 'Zoned patch', vendor_severity: 'Critical', published_at: '2026-11-20T00:00:00Z', version: 1 }])
  owner = await seedUser(db, 'zones@example.test', 'Patch User', { all: true, tags: [] })
})
afterAll(async () => close())

describe("a Daily 22:00 job in the agent's time zone (1 Dec 2026: Kolkata UTC+5:30, New York EST UTC−5)", () => {
  // 22:00 is first reached in UTC+14: 2026-12-01T08:00Z. That is the run's scheduled time.
  const SLOT = '2026-12-01T08:00:00.000Z'
  const runId = runIdFor('j-agent-zone', new Date(SLOT))

  it('creates one run when 22:00 is first reached anywhere, not before, and not again', async () => {
    await dailyJob('j-agent-zone', '')
    expect((await runSchedulerTick(db, new Date('2026-12-01T07:59:59Z'))).created).not.toContain(runId)
    expect((await runSchedulerTick(db, new Date('2026-12-01T08:00:10Z'))).created).toContain(runId)
    expect((await runSchedulerTick(db, new Date('2026-12-01T08:00:40Z'))).created).not.toContain(runId)
    expect(await createRun(db, (await loadJob(db, 'j-agent-zone'))!, new Date(SLOT), 'schedule', new Date('2026-12-01T08:01:00Z'))).toEqual({ runId, created: false })
    const [rows] = await db.query<{ n: number }>("SELECT toUInt32(count()) AS n FROM job_runs WHERE job_id = 'j-agent-zone'")
    expect(Number(rows.n)).toBe(1)
    // The run spans every asset's window: it closes with New York's (03:00Z + 4 h).
    expect(await loadRun(db, runId)).toMatchObject({ scheduledAt: SLOT, windowEndsAt: '2026-12-02T07:00:00.000Z', assetCount: 3 })
    expect((await loadJob(db, 'j-agent-zone'))?.nextRunAt).toBe('2026-12-02T08:00:00.000Z')
  })

  it('hands the run to the Kolkata asset from 22:00 IST (16:30Z) until its own window ends (20:30Z)', async () => {
    expect(await handed('z-kolkata', '2026-12-01T16:29:59Z')).toEqual([])
    expect(await handed('z-kolkata', '2026-12-01T16:30:00Z')).toEqual([{ runId, scheduledAt: '2026-12-01T16:30:00.000Z', windowEndsAt: '2026-12-01T20:30:00.000Z' }])
    expect(await handed('z-kolkata', '2026-12-01T20:30:00Z')).toEqual([])
  })

  it('hands it to the New York asset from 22:00 EST, 03:00Z the next day, until 07:00Z', async () => {
    expect(await handed('z-new-york', '2026-12-01T16:30:00Z')).toEqual([])
    expect(await handed('z-new-york', '2026-12-02T02:59:59Z')).toEqual([])
    expect(await handed('z-new-york', '2026-12-02T03:00:00Z')).toEqual([{ runId, scheduledAt: '2026-12-02T03:00:00.000Z', windowEndsAt: '2026-12-02T07:00:00.000Z' }])
    expect(await handed('z-new-york', '2026-12-02T07:00:00Z')).toEqual([])
  })

  it('hands it to an asset that never reported a zone at 22:00 UTC', async () => {
    expect(await handed('z-unknown', '2026-12-01T21:59:59Z')).toEqual([])
    expect(await handed('z-unknown', '2026-12-01T22:00:00Z')).toEqual([{ runId, scheduledAt: '2026-12-01T22:00:00.000Z', windowEndsAt: '2026-12-02T02:00:00.000Z' }])
  })

  it('Run now is due at once on every asset, whatever its zone', async () => {
    await dailyJob('j-agent-now', '')
    const now = new Date('2026-12-01T10:00:30Z')
    const { runId: nowRun } = await runJobNow(db, toSessionUser(owner), 'j-agent-now', now)
    for (const assetId of ['z-kolkata', 'z-new-york', 'z-unknown']) {
      expect(await handed(assetId, '2026-12-01T10:00:31Z'), assetId).toEqual([{ runId: nowRun, scheduledAt: '2026-12-01T10:00:00.000Z', windowEndsAt: '2026-12-01T14:00:30.000Z' }])
    }
  })
})

describe('a Daily 22:00 job in a chosen zone', () => {
  it('runs at 22:00 Asia/Kolkata (16:30Z) on every asset, the New York one included, with one window', async () => {
    await dailyJob('j-kolkata', 'Asia/Kolkata')
    const slot = '2026-12-01T16:30:00.000Z'
    const runId = runIdFor('j-kolkata', new Date(slot))
    expect((await runSchedulerTick(db, new Date('2026-12-01T16:29:00Z'))).created).not.toContain(runId)
    expect((await runSchedulerTick(db, new Date('2026-12-01T16:30:00Z'))).created).toContain(runId)
    const expected = [{ runId, scheduledAt: slot, windowEndsAt: '2026-12-01T20:30:00.000Z' }]
    for (const assetId of ['z-kolkata', 'z-new-york', 'z-unknown']) {
      const runs = (await handed(assetId, '2026-12-01T16:30:00Z')).filter((run) => run.runId === runId)
      expect(runs, assetId).toEqual(expected)
    }
    expect(await loadRun(db, runId)).toMatchObject({ scheduledAt: slot, windowEndsAt: '2026-12-01T20:30:00.000Z' })
  })
})
