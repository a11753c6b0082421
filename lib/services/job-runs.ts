// Creating a job run: resolve its assets (scope, licences) and patches, write it once per job and scheduled time, and advance the job.
import crypto from 'node:crypto'
import type { Database } from '@/clickhouse/client'
import { conflict } from '@/lib/errors'
import { assetDueAt, nextSlotAfter } from '@/lib/jobs/schedule'
import { resolveDynamicPatches } from '@/lib/repositories/job-runs-patches'
import { assetTimeZones, insertRun, loadRun, type RunAssetRow, type RunTrigger } from '@/lib/repositories/job-runs'
import { resolveJobAssets } from '@/lib/repositories/job-targets'
import { missingParts, recordJobRun, serialisedJobChange, type StoredJob } from '@/lib/repositories/jobs'
import { findUserById } from '@/lib/repositories/users'
import type { RunAssetStatus } from '@/lib/schemas/job-runs'
import { licenseStatuses } from './licensing'
import { assertJobsAllowed } from './subscription'

const HOUR_MS = 3_600_000

/** The run of a job at a scheduled time has one id, whoever creates it and however often. */
export function runIdFor(jobId: string, scheduledAt: Date): string {
  return `run_${crypto.createHash('sha256').update(`${jobId}\n${scheduledAt.toISOString()}`).digest('hex').slice(0, 32)}`
}

const LICENCE_SKIPS: Record<string, RunAssetStatus> = { unlicensed: 'Skipped: Not Licensed', excluded: 'Skipped: Excluded by License' }

/**
 * The run's assets with their server status: the job's assets (targets ∩ owner scope ∩ scope constraints, minus
 * exclusions) Assigned unless their licence says otherwise; assets only the old owners' scopes leave out (after a change
 * of owner) are listed as Skipped: Out of Scope, so the progress page says why they did not run.
 */
async function runAssets(db: Database, job: StoredJob, ownerScope: StoredJob['scopeConstraints'][number]): Promise<RunAssetRow[]> {
  const included = await resolveJobAssets(db, job, ownerScope)
  const licences = await licenseStatuses(db, included)
  const rows: RunAssetRow[] = included.map((assetId) => ({ assetId, status: LICENCE_SKIPS[licences.get(assetId) ?? 'licensed'] ?? 'Assigned' }))
  if (job.scopeConstraints.length > 0) {
    const inOwnerScope = await resolveJobAssets(db, { ...job, scopeConstraints: [] }, ownerScope)
    const kept = new Set(included)
    for (const assetId of inOwnerScope) if (!kept.has(assetId)) rows.push({ assetId, status: 'Skipped: Out of Scope' })
  }
  return rows
}

/** When a part of the run due at `dueAt` closes: a patch window from then, or from now when it was created late. */
const windowEnd = (job: StoredJob, dueAt: Date, now: Date) => new Date(Math.max(dueAt.getTime(), now.getTime()) + job.schedule!.patchWindowHours * HOUR_MS)

/**
 * Each asset's due time and window. A scheduled run of an agent-zone job is due on each asset at the slot's wall-clock
 * time in the asset's own zone (the run's window then ends with the last asset's); any other run is due everywhere at
 * `scheduledAt` (Run now: at once), and its assets keep the run's times.
 */
async function timeAssets(db: Database, job: StoredJob, assets: RunAssetRow[], scheduledAt: Date, trigger: RunTrigger, now: Date): Promise<{ assets: RunAssetRow[]; windowEndsAt: string }> {
  const step = job.schedule!
  const runWindowEnd = windowEnd(job, scheduledAt, now)
  if (trigger !== 'schedule' || step.timeZone !== '') return { assets, windowEndsAt: runWindowEnd.toISOString() }
  const zones = await assetTimeZones(db, assets.map((asset) => asset.assetId))
  let latest = runWindowEnd.getTime()
  const timed = assets.map((asset) => {
    const dueAt = assetDueAt(step, scheduledAt, zones.get(asset.assetId) ?? '')
    const ends = windowEnd(job, dueAt, now)
    latest = Math.max(latest, ends.getTime())
    return { ...asset, dueAt: dueAt.toISOString(), windowEndsAt: ends.toISOString() }
  })
  return { assets: timed, windowEndsAt: new Date(latest).toISOString() }
}

/** Why the job cannot run at all, or null. */
export function runRefusal(job: StoredJob): string | null {
  if (job.isAdvisory || job.ownerId === '') return 'A job advisory cannot run: it must first be assigned to an owner, who completes it.'
  if (job.type === '') return 'The job does not say whether it installs or uninstalls its patches.'
  const missing = missingParts(job)
  if (missing.length > 0) return `The job is partially configured: it has no ${missing.join(', no ')}.`
  return null
}

/** The job's bookkeeping after a run: last run, next run, and Completed for a run-once or on-demand job. */
async function advanceJob(db: Database, job: StoredJob, scheduledAt: Date, trigger: RunTrigger, now: Date): Promise<void> {
  const step = job.schedule!
  const later = new Date(Math.max(scheduledAt.getTime(), now.getTime()))
  // Run now leaves the schedule where it was; a scheduled run moves it to the next slot after now (missed slots are skipped).
  const nextRunAt = trigger === 'schedule' || job.nextRunAt === null ? nextSlotAfter(step, later) : new Date(job.nextRunAt)
  const type = step.schedule.type
  await recordJobRun(db, job.id, { lastRunAt: scheduledAt, nextRunAt, completed: type === 'Once' || type === 'On-demand' })
}

/**
 * Creates the job's run for `scheduledAt` (due now or earlier), or finds it already there (`created: false`): the run id
 * is derived from the job and the time, and creating is serialised per run, so two calls, or a restart between writing
 * the run and advancing the job, make one run. Refused (409) for a partially configured job or an advisory, and on Free.
 * A run created late (the server was down at its time) gets its whole patch window from now.
 */
export async function createRun(db: Database, job: StoredJob, scheduledAt: Date, trigger: RunTrigger, now = new Date()): Promise<{ runId: string; created: boolean }> {
  const runId = runIdFor(job.id, scheduledAt)
  return serialisedJobChange(`run:${runId}`, async () => {
    if (await loadRun(db, runId)) {
      await advanceJob(db, job, scheduledAt, trigger, now)
      return { runId, created: false }
    }
    const refusal = runRefusal(job)
    if (refusal) throw conflict('JOB_NOT_RUNNABLE', refusal, { jobId: job.id })
    await assertJobsAllowed(db, now)
    const owner = await findUserById(db, job.ownerId)
    if (!owner) throw conflict('JOB_OWNER_MISSING', `The job's owner (${job.ownerEmail || job.ownerId}) no longer exists: change the owner before it runs.`, { jobId: job.id })
    const step = job.schedule!
    const assets = await runAssets(db, job, owner.scope)
    const patches = job.patches!
    const patchIds =
      patches.mode === 'list'
        ? patches.patchIds
        : await resolveDynamicPatches(db, {
            query: patches.query,
            version: patches.version ?? null,
            type: job.type === 'Uninstall' ? 'Uninstall' : 'Install',
            owner: { scope: owner.scope, timeZone: owner.timeZone },
            assetIds: assets.filter((asset) => asset.status === 'Assigned').map((asset) => asset.assetId),
          })
    const timed = await timeAssets(db, job, assets, scheduledAt, trigger, now)
    await insertRun(
      db,
      {
        runId,
        jobId: job.id,
        jobName: job.name,
        jobType: job.type,
        ownerId: job.ownerId,
        trigger,
        scheduledAt: scheduledAt.toISOString(),
        windowEndsAt: timed.windowEndsAt,
        patchIds,
        options: JSON.stringify({ ...job.options, downloadRandomizationMinutes: step.downloadRandomizationMinutes, opportunisticDownload: step.opportunisticDownload }),
        assetCount: assets.length,
        createdAt: now.toISOString(),
      },
      timed.assets,
    )
    await advanceJob(db, job, scheduledAt, trigger, now)
    return { runId, created: true }
  })
}
