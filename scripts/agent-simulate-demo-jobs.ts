// Demo jobs for the first start: an enabled weekly job, a completed one whose agents already reported (installs, failures,
// pending reboots — played with the demo agent's own logic), a partially configured draft and an unassigned advisory.
import type { Database } from '@/clickhouse/client'
import { jobResultDocumentSchema } from '@/ingest/schema/job-result'
import { parseScanDocument } from '@/ingest/schema/scan-fast'
import { writeJobResults } from '@/ingest/job-results-writer'
import { writeScans } from '@/ingest/writer'
import { DEMO_USERS } from '@/lib/auth/demo-users'
import { toSessionUser, type SessionUser } from '@/lib/auth/user'
import { loadAgentInventory } from '@/lib/repositories/agent-inventory'
import { findUserByEmail } from '@/lib/repositories/users'
import type { JobInputDraft } from '@/lib/schemas/jobs'
import { jobProgress, jobProgressQuery } from '@/lib/services/job-progress'
import { agentJobs } from '@/lib/services/job-runs-agent'
import { enableJob } from '@/lib/services/jobs-actions'
import { createJob, createJobBody } from '@/lib/services/jobs'
import { fetchPatchPage, patchListQuery } from '@/lib/services/lists'
import { applyOutcomes, patchOutcomes, progressReports, scanOf } from './agent-simulate-outcomes'

async function demoUser(db: Database, role: (typeof DEMO_USERS)[number]['role']): Promise<SessionUser> {
  const demo = DEMO_USERS.find((candidate) => candidate.role === role)!
  const user = await findUserByEmail(db, demo.email)
  if (!user) throw new Error(`the demo user ${demo.email} does not exist: create the demo users first`)
  return toSessionUser(user)
}

/** The patches most assets in the user's scope miss (not superseded), as the Patches list sorts them. */
async function mostMissing(db: Database, user: SessionUser, count: number): Promise<string[]> {
  const page = await fetchPatchPage(db, user, patchListQuery.parse({ q: 'isSuperseded: false', sort: 'missing', dir: 'desc', pageSize: count }))
  return page.rows.map((row) => row.id)
}

/** Plays the agents of a job's run in-process, exactly as `npm run agent:simulate` does over HTTP: reports, then a new scan. */
async function playRun(db: Database, owner: SessionUser, jobId: string, seed: number): Promise<number> {
  // The run's assets as its owner's progress page lists them (every asset of the run is in the owner's scope).
  const waiting = await jobProgress(db, owner, jobId, jobProgressQuery.parse({ status: 'Assigned', pageSize: 500 }))
  let played = 0
  for (const { assetId } of waiting.assets.rows) {
    const inventory = await loadAgentInventory(db, assetId, [])
    const agentRun = (await agentJobs(db, assetId, [])).runs.find((candidate) => candidate.runId === waiting.run?.runId)
    if (!inventory || !agentRun) continue
    const now = new Date()
    const outcomes = patchOutcomes(agentRun, inventory, seed)
    await writeJobResults(db, progressReports(agentRun, assetId, outcomes, now).map((doc) => jobResultDocumentSchema.parse(doc)))
    const scan = parseScanDocument(scanOf(applyOutcomes(inventory, agentRun, outcomes, now), now))
    if (!scan.ok) throw new Error(`the demo agent built an invalid scan: ${JSON.stringify(scan.issues)}`)
    await writeScans(db, [scan.doc])
    played++
  }
  return played
}

/** A job body as the wizard sends it, parsed with the API's own schema. */
const body = (name: string, draft: Omit<JobInputDraft, 'basics'>, type: 'Install' | 'Uninstall' = 'Install', advisory = false) =>
  createJobBody.parse({ basics: { name, type }, ...draft, advisory })

export interface DemoJobsSummary {
  jobs: string[]
  reportedAssets: number
}

/** Creates the demo jobs through the job services (audited, with their rules), each owned by a demo user. */
export async function seedDemoJobs(db: Database): Promise<DemoJobsSummary> {
  const uma = await demoUser(db, 'Patch User')
  const mia = await demoUser(db, 'Patch Manager')
  const sam = await demoUser(db, 'Patch Security')

  const weeklyJob = await createJob(db, uma, body('Weekly critical patches — Pune workstations', {
    targets: { tags: ['Site-Pune', 'Workstations'], tagMatch: 'All' },
    patches: { mode: 'dynamic', query: 'vendorSeverity: Critical' },
    schedule: { schedule: { type: 'Weekly', time: '22:00', days: ['Wed'] }, timeZone: 'Asia/Kolkata' },
  }))
  await enableJob(db, uma, weeklyJob.id)

  const completed = await createJob(db, mia, body('Catch-up — Berlin servers, top missing patches', {
    targets: { tags: ['Site-Berlin', 'Servers'], tagMatch: 'All' },
    patches: { mode: 'list', patchIds: await mostMissing(db, mia, 3) },
    schedule: { schedule: { type: 'On-demand' }, timeZone: 'Europe/Berlin' },
  }))
  // Enabling an on-demand job starts its run at once; the demo agents then report and rescan.
  await enableJob(db, mia, completed.id)
  const reportedAssets = await playRun(db, mia, completed.id, 1)

  const draft = await createJob(db, uma, body('Remove old 7-Zip versions (draft)', { targets: { tags: ['Site-Pune'] }, patches: null, schedule: null }, 'Uninstall'))

  const advisory = await createJob(db, sam, body('Advisory: most missing patches in London', { targets: null, patches: { mode: 'list', patchIds: await mostMissing(db, sam, 2) }, schedule: null }, 'Install', true))
  return { jobs: [weeklyJob.name, completed.name, draft.name, advisory.name], reportedAssets }
}
