// Job actions besides saving: enable (an on-demand job starts its run at once), disable, clone, change owner, assign an advisory, delete, and the bulk form of some — each audited.
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import { authorize } from '@/lib/auth/policy'
import type { SessionUser } from '@/lib/auth/user'
import { conflict, DomainError } from '@/lib/errors'
import { nextSlotAfter } from '@/lib/jobs/schedule'
import type { JobView } from '@/lib/schemas/jobs'
import { appendAudit } from '@/lib/repositories/audit'
import { resolveJobAssets } from '@/lib/repositories/job-targets'
import { deleteJobRow, missingParts, ONE_OFF_SCHEDULES, serialisedJobChange, type StoredJob } from '@/lib/repositories/jobs'
import { listUsers } from '@/lib/repositories/users'
import { createRun } from './job-runs'
import { assertJobsAllowed } from './subscription'
import { currentOwner, eligibleOwner, operableJob, saveJobChange, viewableJob } from './jobs-access'
import { createStoredJob } from './jobs'
import { coAuthorsUnder } from './jobs-people'
import { constraintsAfterOwnerChange, disableRefusal, enableRefusal } from './jobs-rules'
import { toOneJobView } from './jobs-view'

export const ownerBody = z.object({ ownerId: z.string().trim().min(1, 'choose the new owner').max(256) })
export const bulkJobsBody = z
  .object({
    action: z.enum(['delete', 'enable', 'changeOwner']),
    ids: z.array(z.string().trim().min(1).max(256)).min(1, 'choose at least one job').max(500, 'at most 500 jobs at once'),
    ownerId: z.string().trim().min(1).max(256).nullish(),
  })
  .refine((body) => body.action !== 'changeOwner' || Boolean(body.ownerId), { message: 'changeOwner needs the ownerId of the new owner', path: ['ownerId'] })

export interface BulkResult {
  done: string[]
  refused: { id: string; reason: string }[]
}

/** Enables a job: fully configured, allowed by the subscription; computes the next run; an on-demand job runs at once. */
async function enableStoredJob(db: Database, user: SessionUser, id: string, now = new Date()): Promise<StoredJob> {
  const enabled = await serialisedJobChange(id, async () => {
    const job = await operableJob(db, user, id)
    const refusal = enableRefusal(job)
    if (refusal) throw conflict(refusal.code, refusal.message, { missing: missingParts(job), status: job.status })
    await assertJobsAllowed(db)
    const owner = await currentOwner(db, job)
    const schedule = job.schedule!
    const nextRunAt = nextSlotAfter(schedule, now)
    if (schedule.schedule.type === 'Once' && nextRunAt === null) {
      throw conflict('JOB_ONCE_PAST', `The job was to run once on ${schedule.schedule.date} at ${schedule.schedule.time}, which has passed: choose a later date first.`)
    }
    // A run-once or on-demand job runs on the assets it includes now: they become its listed assets, tags add no more,
    // and `firstEnabledAt` locks it (a re-enable after the server disabled it keeps the assets fixed then).
    const oneOff = ONE_OFF_SCHEDULES.includes(schedule.schedule.type)
    const frozenTargets = oneOff && job.firstEnabledAt === null ? { ...job.targets, assetIds: await resolveJobAssets(db, job, owner.scope) } : job.targets
    return saveJobChange(db, user, 'job.enable', job, {
      ...job,
      targets: frozenTargets,
      status: 'Enabled',
      disabledReason: '',
      nextRunAt: schedule.schedule.type === 'On-demand' ? null : (nextRunAt?.toISOString() ?? null),
      firstEnabledAt: oneOff ? (job.firstEnabledAt ?? now.toISOString()) : job.firstEnabledAt,
    })
  })
  if (enabled.schedule?.schedule.type === 'On-demand') await createRun(db, enabled, now, 'enable')
  return enabled
}

export async function enableJob(db: Database, user: SessionUser, id: string): Promise<JobView> {
  await enableStoredJob(db, user, id)
  return toOneJobView(db, user, await viewableJob(db, user, id))
}

export async function disableJob(db: Database, user: SessionUser, id: string): Promise<JobView> {
  const disabled = await serialisedJobChange(id, async () => {
    const job = await operableJob(db, user, id)
    const refusal = disableRefusal(job)
    if (refusal) throw conflict('JOB_NOT_DISABLEABLE', refusal, { status: job.status })
    return saveJobChange(db, user, 'job.disable', job, { ...job, status: 'Disabled', nextRunAt: null })
  })
  return toOneJobView(db, user, disabled)
}

/** A copy of a job the user may view, owned by them, Disabled, without co-authors (their own job from the start). */
export async function cloneJob(db: Database, user: SessionUser, id: string, name: string | null | undefined): Promise<JobView> {
  authorize(user, 'jobs.create')
  const job = await viewableJob(db, user, id)
  if (job.isAdvisory) throw conflict('JOB_IS_ADVISORY', 'A job advisory is not cloned: assign it to an owner, who completes it.')
  await assertJobsAllowed(db)
  const input = {
    basics: { name: name ?? `Copy of ${job.name}`.slice(0, 200), description: job.description, type: job.type || 'Install' },
    targets: job.targets,
    patches: job.patches,
    schedule: job.schedule,
    options: job.options,
    coAuthors: { coAuthorIds: [] },
  }
  return toOneJobView(db, user, await createStoredJob(db, user, user, input, false, 'job.clone'))
}

export async function deleteJob(db: Database, user: SessionUser, id: string): Promise<{ deleted: string }> {
  await serialisedJobChange(id, async () => {
    const job = await operableJob(db, user, id)
    await deleteJobRow(db, job)
    await appendAudit(db, { actor: user, action: 'job.delete', entity: 'job', entityId: job.id, before: job })
  })
  return { deleted: id }
}

/**
 * A new owner (jobs.changeOwner): the job's assets from now on lie in both the old and the new owner's scope (the old
 * owner's scope joins the scope constraints); co-authors no longer eligible under the new owner are dropped.
 */
export async function changeJobOwner(db: Database, user: SessionUser, id: string, ownerId: string, mode: 'owner' | 'assign' = 'owner'): Promise<JobView> {
  authorize(user, 'jobs.changeOwner')
  const changed = await serialisedJobChange(id, async () => {
    const job = await viewableJob(db, user, id)
    if (mode === 'assign' && !job.isAdvisory) throw conflict('JOB_NOT_ADVISORY', 'Only a job advisory is assigned; change the owner of a job instead.')
    if (mode === 'owner' && job.isAdvisory) throw conflict('JOB_IS_ADVISORY', 'A job advisory has no owner yet: assign it instead.')
    const owner = await eligibleOwner(db, ownerId)
    const users = new Map((await listUsers(db)).map((candidate) => [candidate.id, candidate]))
    const oldOwner = users.get(job.ownerId)
    if (mode === 'owner' && job.ownerId === owner.id) throw conflict('JOB_SAME_OWNER', `${owner.email} already owns this job.`)
    const coAuthors = coAuthorsUnder(owner, { ids: job.coAuthorIds, emails: job.coAuthorEmails }, users)
    const now = new Date().toISOString()
    return saveJobChange(db, user, mode === 'assign' ? 'job.advisory.assign' : 'job.changeOwner', job, {
      ...job,
      ownerId: owner.id,
      ownerEmail: owner.email,
      coAuthorIds: coAuthors.ids,
      coAuthorEmails: coAuthors.emails,
      scopeConstraints: mode === 'assign' ? job.scopeConstraints : constraintsAfterOwnerChange(job, oldOwner?.scope ?? null),
      ...(mode === 'assign' ? { isAdvisory: false, assignedByEmail: user.email, assignedAt: now } : {}),
      revision: job.revision + 1,
    })
  })
  return toOneJobView(db, user, changed)
}

/** The same action on many jobs: each done or refused with the reason a single request would have answered. */
export async function bulkJobs(db: Database, user: SessionUser, body: z.infer<typeof bulkJobsBody>): Promise<BulkResult> {
  if (body.action === 'changeOwner') authorize(user, 'jobs.changeOwner')
  const result: BulkResult = { done: [], refused: [] }
  for (const id of [...new Set(body.ids)]) {
    try {
      if (body.action === 'delete') await deleteJob(db, user, id)
      else if (body.action === 'enable') await enableStoredJob(db, user, id)
      else await changeJobOwner(db, user, id, body.ownerId!)
      result.done.push(id)
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      result.refused.push({ id, reason: error.message })
    }
  }
  return result
}
