// Patch jobs as stored: one typed function per query; every write is a new row version (ReplacingMergeTree, read FINAL).
import type { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import type { TagScope } from '@/lib/auth/user'
import type { jobOptionsSchema, jobPatchesSchema, jobScheduleStepSchema, jobTargetsSchema, JobStatus, JobType } from '@/lib/schemas/jobs'
import { serialisedByKey } from './change-lock'
import { fromRow, JOB_COLUMNS, toRow, type JobRow } from './job-rows'
export { DEFAULT_OPTIONS } from './job-rows'
import { nextRowVersion } from './versioning'

export type JobTargets = z.output<typeof jobTargetsSchema>
export type JobPatches = z.output<typeof jobPatchesSchema>
export type JobScheduleStep = z.output<typeof jobScheduleStepSchema>
export type JobOptions = z.output<typeof jobOptionsSchema>

/** A job as stored. `targets` with no assets and no tags, `patches` null or `schedule` null: partially configured. */
export interface StoredJob {
  id: string
  name: string
  description: string
  type: JobType | ''
  status: JobStatus
  isAdvisory: boolean
  ownerId: string
  ownerEmail: string
  coAuthorIds: string[]
  coAuthorEmails: string[]
  targets: JobTargets
  patches: JobPatches | null
  schedule: JobScheduleStep | null
  options: JobOptions
  /** Why the server disabled the job ('' when it did not). */
  disabledReason: string
  /** Owners' scopes the job's assets must ALSO fall in: after a change of owner the old owner's scope stays here. */
  scopeConstraints: TagScope[]
  createdAt: string
  updatedAt: string
  lastRunAt: string | null
  nextRunAt: string | null
  /** When a run-once or on-demand job was enabled: it is locked from then on, its assets fixed (null for other jobs). */
  firstEnabledAt: string | null
  createdById: string
  createdByEmail: string
  updatedById: string
  updatedByEmail: string
  /** Who assigned the advisory this job came from to its owner ('' for a job created as a job). */
  assignedByEmail: string
  assignedAt: string | null
  /** The edit revision users save against (bumped by edits, not by a run's bookkeeping). */
  revision: number
  /** The row version (every write, edits and run bookkeeping alike). */
  version: number
}

export const EMPTY_TARGETS: JobTargets = { assetIds: [], tags: [], tagMatch: 'Any', exclusionTags: [], exclusionMatch: 'Any' }

/** Schedule types whose jobs, once enabled, are locked: their assets are fixed at enabling (tags add no new ones). */
export const ONE_OFF_SCHEDULES: readonly string[] = ['Once', 'On-demand']

/** A run-once or on-demand job that has been enabled: it runs on the assets listed when it was enabled, and takes no new ones. */
export const assetsFrozen = (job: Partial<Pick<StoredJob, 'schedule' | 'firstEnabledAt'>>) =>
  job.firstEnabledAt != null && ONE_OFF_SCHEDULES.includes(job.schedule?.schedule.type ?? '')

/** What a job lacks before it can be enabled or run (the same rule as QQL's `isPartiallyConfigured`). */
export function missingParts(job: Pick<StoredJob, 'patches' | 'targets' | 'schedule'>): ('patches' | 'targets' | 'schedule')[] {
  const missing: ('patches' | 'targets' | 'schedule')[] = []
  if (job.patches === null || (job.patches.mode === 'list' && job.patches.patchIds.length === 0)) missing.push('patches')
  if (job.targets.assetIds.length === 0 && job.targets.tags.length === 0) missing.push('targets')
  if (job.schedule === null) missing.push('schedule')
  return missing
}

export async function loadJob(db: Database, id: string): Promise<StoredJob | null> {
  const rows = await db.query<JobRow>(`SELECT ${JOB_COLUMNS} FROM jobs FINAL WHERE job_id = {id:String} AND is_deleted = 0 LIMIT 1`, { id })
  return rows[0] ? fromRow(rows[0]) : null
}

/** Several jobs in one query, in no particular order (missing ids are left out). */
export async function loadJobs(db: Database, ids: string[]): Promise<StoredJob[]> {
  if (ids.length === 0) return []
  const rows = await db.query<JobRow>(`SELECT ${JOB_COLUMNS} FROM jobs FINAL WHERE has({ids:Array(String)}, job_id) AND is_deleted = 0`, { ids })
  return rows.map(fromRow)
}

/** Every job with a given status (e.g. Enabled, for the subscription fallback). */
export async function loadJobsByStatus(db: Database, status: JobStatus): Promise<StoredJob[]> {
  const rows = await db.query<JobRow>(`SELECT ${JOB_COLUMNS} FROM jobs FINAL WHERE status = {status:String} AND is_deleted = 0 ORDER BY job_id`, { status })
  return rows.map(fromRow)
}

/** The jobs the scheduler looks at: Enabled, not an advisory, with an owner, and fully configured. */
export async function listSchedulableJobs(db: Database): Promise<StoredJob[]> {
  const jobs = await loadJobsByStatus(db, 'Enabled')
  return jobs.filter((job) => !job.isAdvisory && job.ownerId !== '' && job.type !== '' && missingParts(job).length === 0)
}

/** Writes a job's new state (a new row version); the caller checked the revision it replaces. */
export async function writeJob(db: Database, job: StoredJob): Promise<StoredJob> {
  const written = { ...job, version: nextRowVersion(job.version) }
  await db.insert('jobs', [toRow(written)])
  return written
}

export async function deleteJobRow(db: Database, job: StoredJob): Promise<void> {
  await db.insert('jobs', [toRow({ ...job, version: nextRowVersion(job.version) }, true)])
}

/** Runs `change` after every earlier change of the same job in this process (edits and the scheduler's bookkeeping alike). */
export function serialisedJobChange<T>(jobId: string, change: () => Promise<T>): Promise<T> {
  return serialisedByKey(`job:${jobId}`, change)
}

/**
 * The scheduler's bookkeeping after it created a run: last and next run times, and (a run-once or on-demand job after
 * its run) status Completed. A new row version, not a new revision: someone editing the job is not refused for it.
 */
export async function recordJobRun(db: Database, id: string, run: { lastRunAt: Date; nextRunAt: Date | null; completed: boolean }): Promise<void> {
  await serialisedJobChange(id, async () => {
    const job = await loadJob(db, id)
    if (job === null) return
    await writeJob(db, {
      ...job,
      lastRunAt: run.lastRunAt.toISOString(),
      nextRunAt: run.nextRunAt?.toISOString() ?? null,
      status: run.completed ? 'Completed' : job.status,
    })
  })
}
