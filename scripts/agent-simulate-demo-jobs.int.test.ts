// The first start's demo jobs on a small demo estate: one of each kind, each owned as said, the completed run already
// reported by the demo agents (with failures and installs that the new scans show), and the failed installs the widget counts.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { seedDemoEstate } from '@/ingest/seed'
import { createDemoUsers } from '@/lib/auth/demo-users'
import { toSessionUser } from '@/lib/auth/user'
import { findUserByEmail } from '@/lib/repositories/users'
import { jobProgress, jobProgressQuery } from '@/lib/services/job-progress'
import { fetchJobPage, jobListQuery } from '@/lib/services/jobs'
import { openTestDatabase } from '@/test/database'
import { seedDemoJobs, type DemoJobsSummary } from './agent-simulate-demo-jobs'

let db: Database
let close: () => Promise<void>
let summary: DemoJobsSummary

beforeAll(async () => {
  let dataDir: string
  ;({ db, close, dataDir } = await openTestDatabase())
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  await createDemoUsers(db, dataDir)
  await seedDemoEstate(db, { assets: 150, days: 3, seed: 1 })
  summary = await seedDemoJobs(db)
}, 240_000)
afterAll(async () => {
  vi.restoreAllMocks()
  await close()
})

describe('seedDemoJobs', () => {
  it('creates an enabled weekly job, a completed one, a partially configured draft and an advisory, owned by the demo users', async () => {
    const admin = toSessionUser((await findUserByEmail(db, 'manager@patchboard.local'))!)
    const page = await fetchJobPage(db, { ...admin, role: 'Administrator', scope: { all: true, tags: [] } }, jobListQuery.parse({ sort: 'name', dir: 'asc' }))
    const byName = new Map(page.rows.map((job) => [job.name, job]))
    expect(page.total).toBe(4)
    expect(byName.get(summary.jobs[0])).toMatchObject({ status: 'Enabled', owner: { email: 'user@patchboard.local' }, scheduleText: 'Weekly on Wed at 22:00 Asia/Kolkata', missing: [] })
    expect(byName.get(summary.jobs[1])).toMatchObject({ status: 'Completed', owner: { email: 'manager@patchboard.local' } })
    expect(byName.get(summary.jobs[2])?.missing).toEqual(['patches', 'schedule'])
    expect(byName.get(summary.jobs[3])).toMatchObject({ isAdvisory: true, owner: null })
  })

  it("has the completed run reported by the demo agents: every asset finished, some failed, installs in the new scans", async () => {
    const mia = toSessionUser((await findUserByEmail(db, 'manager@patchboard.local'))!)
    const page = await fetchJobPage(db, mia, jobListQuery.parse({ q: '', status: 'Completed' }))
    const completed = page.rows[0]
    const view = await jobProgress(db, mia, completed.id, jobProgressQuery.parse({ pageSize: 500 }))
    expect(summary.reportedAssets).toBe(view.total)
    expect(view.total).toBeGreaterThan(3)
    expect(view.percent).toBe(100)
    const installed = view.assets.rows.flatMap((row) => row.patches.filter((patch) => patch.status === 'Installed').map((patch) => [row.assetId, patch.id]))
    expect(installed.length).toBeGreaterThan(0)
    const [assetId, patchId] = installed[0]
    const [finding] = await db.query<{ status: string }>('SELECT status FROM findings FINAL WHERE asset_id = {assetId:String} AND patch_id = {patchId:String}', { assetId, patchId })
    expect(finding.status).toBe('Installed')
    const [failed] = await db.query<{ n: number }>("SELECT toUInt32(count()) AS n FROM job_results FINAL ARRAY JOIN patch_statuses AS outcome WHERE outcome IN ('Failed', 'Download Failed')")
    expect(Number(failed.n)).toBeGreaterThan(0)
  })
})
