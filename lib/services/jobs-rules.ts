// The job rules as pure functions: who may view / operate which job, what locks a job, who may own or co-author one, and the actions a user may take.
import { can } from '@/lib/auth/policy'
import type { Role, SessionUser, TagScope } from '@/lib/auth/user'
import type { JobAction } from '@/lib/schemas/jobs'
import { assetsFrozen, missingParts, ONE_OFF_SCHEDULES, type StoredJob } from '@/lib/repositories/jobs'

type Viewer = Pick<SessionUser, 'id' | 'role'>

/** The role chain for co-authors (Reader < Dashboard Author < User < Manager < Administrator); Patch Security is not in it. */
export const ROLE_RANK: Partial<Record<Role, number>> = {
  'Patch Reader': 0,
  'Patch Dashboard Author': 1,
  'Patch User': 2,
  'Patch Manager': 3,
  Administrator: 4,
}

/** Who may own a job: roles that create and operate jobs (Patch Security may neither own nor edit jobs). */
export const mayOwnJobs = (role: Role) => (ROLE_RANK[role] ?? -1) >= ROLE_RANK['Patch User']!

export const isOwner = (user: Viewer, job: Pick<StoredJob, 'ownerId'>) => job.ownerId !== '' && job.ownerId === user.id
export const isCoAuthor = (user: Viewer, job: Pick<StoredJob, 'coAuthorIds'>) => job.coAuthorIds.includes(user.id)

/** Any job with jobs.viewAny; otherwise only jobs the user owns or co-authors (jobs.viewAssigned). */
export function mayView(user: Viewer, job: StoredJob): boolean {
  if (can(user, 'jobs.viewAny')) return true
  return can(user, 'jobs.viewAssigned') && (isOwner(user, job) || isCoAuthor(user, job))
}

/** Edit, enable, disable, delete: any job with jobs.operateAny; own or co-authored ones with jobs.operateOwn. */
export function mayOperate(user: Viewer, job: StoredJob): boolean {
  if (can(user, 'jobs.operateAny')) return true
  return can(user, 'jobs.operateOwn') && (isOwner(user, job) || isCoAuthor(user, job))
}

/** A co-author without jobs.operateAny: may add and remove tags, not assets, and not the owner or co-authors. */
export const isCoAuthorOnly = (user: Viewer, job: StoredJob) => !can(user, 'jobs.operateAny') && !isOwner(user, job) && isCoAuthor(user, job)

/** Run-once and on-demand jobs, once enabled, cannot be edited or disabled (only deleted), and take no new assets. */
export function isLocked(job: Pick<StoredJob, 'schedule' | 'firstEnabledAt' | 'status'>): boolean {
  return assetsFrozen(job) || (ONE_OFF_SCHEDULES.includes(job.schedule?.schedule.type ?? '') && job.status !== 'Disabled')
}

/** Why the job cannot be enabled now (a code and a message naming what is missing), or null. */
export function enableRefusal(job: StoredJob): { code: string; message: string } | null {
  if (job.isAdvisory || job.ownerId === '') return { code: 'JOB_IS_ADVISORY', message: 'A job advisory must first be assigned to an owner, who completes it.' }
  if (job.status === 'Enabled') return { code: 'JOB_NOT_ENABLEABLE', message: 'The job is already enabled.' }
  if (job.status === 'Completed') return { code: 'JOB_NOT_ENABLEABLE', message: 'The job has completed its run; clone it to run it again.' }
  const missing = missingParts(job)
  if (missing.length > 0) {
    return { code: 'JOB_PARTIALLY_CONFIGURED', message: `The job is partially configured: it has no ${missing.join(', no ')}. Complete it before enabling it.` }
  }
  return null
}

/** Why the job cannot be disabled now, or null. */
export function disableRefusal(job: StoredJob): string | null {
  if (job.status !== 'Enabled') return 'The job is not enabled.'
  if (isLocked(job)) return `A ${job.schedule?.schedule.type === 'Once' ? 'run-once' : 'on-demand'} job cannot be disabled once enabled, only deleted.`
  return null
}

/** Why the job cannot be edited now, or null. */
export function editRefusal(job: StoredJob): string | null {
  if (isLocked(job)) return `A ${job.schedule?.schedule.type === 'Once' ? 'run-once' : 'on-demand'} job cannot be edited once enabled, only deleted.`
  if (job.status === 'Completed') return 'A completed job cannot be edited; clone it instead.'
  return null
}

/** The actions the user may take on the job now (the server refuses the others). */
export function jobActions(user: Viewer, job: StoredJob): JobAction[] {
  if (!mayView(user, job)) return []
  const actions: JobAction[] = ['view']
  const operate = mayOperate(user, job)
  if (job.isAdvisory) {
    if (can(user, 'jobs.changeOwner')) actions.push('assign')
    if (operate) actions.push('delete')
    return actions
  }
  if (operate && editRefusal(job) === null) actions.push('edit')
  if (can(user, 'jobs.create')) actions.push('clone')
  if (operate && enableRefusal(job) === null) actions.push('enable')
  if (operate && disableRefusal(job) === null) actions.push('disable')
  if (operate && job.status === 'Enabled' && missingParts(job).length === 0) actions.push('runNow')
  if (can(user, 'jobs.changeOwner')) actions.push('changeOwner')
  if (operate) actions.push('delete')
  return actions
}

/** Whether `wider` contains every asset `narrower` can see. */
export function scopeCovers(wider: TagScope, narrower: TagScope): boolean {
  if (wider.all) return true
  if (narrower.all) return false
  return narrower.tags.every((tag) => wider.tags.includes(tag))
}

/** A co-author has the same or a higher role than the owner, and a scope at least as large. */
export function mayCoAuthor(candidate: Pick<SessionUser, 'role' | 'scope'>, owner: Pick<SessionUser, 'role' | 'scope'>): boolean {
  const candidateRank = ROLE_RANK[candidate.role]
  const ownerRank = ROLE_RANK[owner.role]
  if (candidateRank === undefined || ownerRank === undefined || !mayOwnJobs(candidate.role)) return false
  return candidateRank >= ownerRank && scopeCovers(candidate.scope, owner.scope)
}

/** The scope constraints after a change of owner: the old owner's scope joins them (a scope that sees all adds nothing). */
export function constraintsAfterOwnerChange(job: StoredJob, oldOwnerScope: TagScope | null): TagScope[] {
  if (oldOwnerScope === null || oldOwnerScope.all) return job.scopeConstraints
  const normalised = { all: false, tags: [...oldOwnerScope.tags].sort() }
  const known = job.scopeConstraints.some((scope) => !scope.all && scope.tags.length === normalised.tags.length && scope.tags.every((tag, i) => tag === normalised.tags[i]))
  return known ? job.scopeConstraints : [...job.scopeConstraints, normalised]
}
