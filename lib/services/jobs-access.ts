// Loading a job for a user (404 when they may not view it, 403 when they may not change it) and writing a change with its audit entry.
import type { Database } from '@/clickhouse/client'
import { decideResourceAccess } from '@/lib/auth/policy'
import type { SessionUser } from '@/lib/auth/user'
import { conflict, forbidden, invalid, notFound } from '@/lib/errors'
import { appendAudit } from '@/lib/repositories/audit'
import { loadJob, writeJob, type StoredJob } from '@/lib/repositories/jobs'
import { findUserById, type UserRecord } from '@/lib/repositories/users'
import { mayOperate, mayOwnJobs, mayView } from './jobs-rules'

export type Actor = Pick<SessionUser, 'id' | 'email'>

const NOT_VISIBLE = 'No such job, or it is neither yours nor one you co-author.'

/** A job the user may view (recorded as the request's resource decision); others' jobs without jobs.viewAny are 404. */
export async function viewableJob(db: Database, user: SessionUser, id: string): Promise<StoredJob> {
  const job = await loadJob(db, id)
  if (!decideResourceAccess(`job:${id}`, job !== null && mayView(user, job)) || job === null) throw notFound(NOT_VISIBLE)
  return job
}

/** A job the user may edit, enable, disable or delete: 404 when they may not even view it, else 403 naming the owner. */
export async function operableJob(db: Database, user: SessionUser, id: string): Promise<StoredJob> {
  const job = await loadJob(db, id)
  const visible = job !== null && mayView(user, job)
  const allowed = decideResourceAccess(`job:${id}`, visible && mayOperate(user, job))
  if (!visible || job === null) throw notFound(NOT_VISIBLE)
  if (!allowed) {
    throw forbidden(`Only the job's owner${job.ownerEmail ? ` (${job.ownerEmail})` : ''}, its co-authors or a Patch Manager may change this job.`, { owner: job.ownerEmail })
  }
  return job
}

/** Writes a job's new state as `actor` (updated by / at) and its audit entry with before and after. */
export async function saveJobChange(db: Database, actor: Actor, action: string, before: StoredJob | null, next: StoredJob): Promise<StoredJob> {
  const written = await writeJob(db, { ...next, updatedById: actor.id, updatedByEmail: actor.email, updatedAt: new Date().toISOString() })
  await appendAudit(db, { actor, action, entity: 'job', entityId: written.id, before: before ?? undefined, after: written })
  return written
}

/** A user who may own jobs (Patch User, Manager or Administrator, not disabled), or a 400 saying why not. */
export async function eligibleOwner(db: Database, ownerId: string): Promise<UserRecord> {
  const owner = await findUserById(db, ownerId)
  if (owner === null || owner.disabled) throw invalid('JOB_OWNER_UNKNOWN', 'No such active user to own the job.', { ownerId })
  if (!mayOwnJobs(owner.role)) {
    throw invalid('JOB_OWNER_NOT_ELIGIBLE', `${owner.email} is a ${owner.role}: only a Patch User, Patch Manager or Administrator may own a job.`, { ownerId, role: owner.role })
  }
  return owner
}

/** The job's owner as a user now (their current role and scope); a job whose owner was deleted is owned by nobody. */
export async function currentOwner(db: Database, job: StoredJob): Promise<Pick<SessionUser, 'id' | 'role' | 'scope'>> {
  const owner = job.ownerId === '' ? null : await findUserById(db, job.ownerId)
  if (owner === null) throw conflict('JOB_OWNER_MISSING', 'The job has no owner any more: a Patch Manager must give it a new owner first.', { ownerId: job.ownerId })
  return owner
}
