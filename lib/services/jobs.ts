// Jobs as the API serves them: the list (QQL + filters), one job, create (a job or a job advisory), save with an optimistic-concurrency version, clone and delete — each audited.
import crypto from 'node:crypto'
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import { authorize, can } from '@/lib/auth/policy'
import type { SessionUser } from '@/lib/auth/user'
import { conflict, forbidden, invalid } from '@/lib/errors'
import { nextSlotAfter } from '@/lib/jobs/schedule'
import { compileQql } from '@/lib/qql'
import { clausesOf } from '@/lib/qql/ast'
import { JOB_SCHEDULE_TYPES, JOB_STATUSES, JOB_TYPES, jobInputSchema, type JobInput, type JobView } from '@/lib/schemas/jobs'
import { EMPTY_TARGETS, missingParts, ONE_OFF_SCHEDULES, serialisedJobChange, type StoredJob } from '@/lib/repositories/jobs'
import { JOB_SORT_KEYS, listJobs } from '@/lib/repositories/jobs-list'
import { listQuerySchema } from '@/lib/repositories/paging'
import { assertJobsAllowed } from './subscription'
import { requireSearch, tokenVersionParam } from './search'
import { currentOwner, operableJob, saveJobChange, viewableJob, type Actor } from './jobs-access'
import { resolveCoAuthors } from './jobs-people'
import { editRefusal, isCoAuthorOnly } from './jobs-rules'
import { toJobViews, toOneJobView } from './jobs-view'

export const jobIdParams = z.object({ id: z.string().trim().min(1, 'not a job id').max(256) })
/** A comma-separated list of enum values in a query string (`status=Enabled,Disabled`). */
const csvOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(500)
    .default('')
    .transform((text) => text.split(',').map((value) => value.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)))
const flag = z.enum(['0', '1', 'true', 'false']).optional().transform((value) => value === '1' || value === 'true')

export const jobListQuery = listQuerySchema(JOB_SORT_KEYS, 'updated', 'desc').extend({
  v: tokenVersionParam,
  status: csvOf(JOB_STATUSES),
  scheduleType: csvOf(JOB_SCHEDULE_TYPES),
  type: csvOf(JOB_TYPES),
  mine: flag,
  coAuthored: flag,
})
export type JobListQuery = z.infer<typeof jobListQuery>

/** Create: a whole job (parts may be null: a partially configured job), or with `advisory: true` a job advisory (basics + a patch list). */
export const createJobBody = jobInputSchema.extend({ advisory: z.boolean().nullish().transform((value) => value ?? false) })
/** Save: the whole job and the version the author opened. */
export const saveJobBody = jobInputSchema.extend({ version: z.number().int().min(1, 'a version is 1 or more') })
export const cloneJobBody = z.object({ name: z.string().trim().min(1).max(200).nullish() })

export interface JobPage {
  rows: JobView[]
  total: number
  page: number
  pageSize: number
}

/** Tokens over what a listed job shows only to those who may view it (its description, co-authors, listed assets, exclusions). */
const HIDDEN_JOB_TOKENS = new Set(['description', 'coAuthor', 'targetAsset', 'exclusionTag'].map((name) => name.toLowerCase()))

/** Whether a (valid) jobs query tests content hidden from users who may not view a job: then it searches only viewable jobs. */
function searchesHiddenContent(query: string, user: SessionUser, version: number): boolean {
  const compiled = compileQql({ query, entity: 'jobs', user, version })
  return compiled.ok && clausesOf(compiled.ast).some((clause) => HIDDEN_JOB_TOKENS.has(clause.token.name.toLowerCase()))
}

/** Every job of the subscription is listed; the viewer's actions (and the detail of those they may view) per row. */
export async function fetchJobPage(db: Database, user: SessionUser, input: JobListQuery): Promise<JobPage> {
  const filter = requireSearch('jobs', input.q, user, input.v)
  const page = await listJobs(db, {
    filter,
    onlyViewable: !can(user, 'jobs.viewAny') && searchesHiddenContent(input.q, user, input.v),
    status: input.status,
    scheduleType: input.scheduleType,
    type: input.type,
    viewerId: user.id,
    mine: input.mine,
    coAuthored: input.coAuthored,
    sort: input.sort,
    dir: input.dir,
    page: input.page,
    pageSize: input.pageSize,
  })
  return { rows: await toJobViews(db, user, page.rows), total: page.total, page: input.page, pageSize: input.pageSize }
}

export async function getJob(db: Database, user: SessionUser, id: string): Promise<JobView> {
  return toOneJobView(db, user, await viewableJob(db, user, id))
}

/** The stored form of a job's content (everything the wizard edits). */
export function content(input: JobInput): Pick<StoredJob, 'name' | 'description' | 'type' | 'targets' | 'patches' | 'schedule' | 'options'> {
  return {
    name: input.basics.name,
    description: input.basics.description,
    type: input.basics.type,
    targets: input.targets ?? EMPTY_TARGETS,
    patches: input.patches,
    schedule: input.schedule,
    options: input.options,
  }
}

/** A new job (Disabled) owned by `owner` (null: an advisory), written and audited. */
export async function createStoredJob(db: Database, actor: Actor, owner: SessionUser | null, input: JobInput, advisory: boolean, action: string): Promise<StoredJob> {
  const coAuthors = owner === null ? { ids: [], emails: [] } : await resolveCoAuthors(db, owner, input.coAuthors.coAuthorIds)
  const now = new Date().toISOString()
  const job: StoredJob = {
    id: crypto.randomUUID(), ...content(input), status: 'Disabled', isAdvisory: advisory, ownerId: owner?.id ?? '', ownerEmail: owner?.email ?? '',
    coAuthorIds: coAuthors.ids, coAuthorEmails: coAuthors.emails, disabledReason: '', scopeConstraints: [], createdAt: now, updatedAt: now,
    lastRunAt: null, nextRunAt: null, firstEnabledAt: null, createdById: actor.id, createdByEmail: actor.email, updatedById: actor.id,
    updatedByEmail: actor.email, assignedByEmail: '', assignedAt: null, revision: 1, version: 0,
  }
  return saveJobChange(db, actor, action, null, job)
}

/** An advisory carries its basics and a fixed patch list only: no owner, targets, schedule or co-authors. */
function assertAdvisoryShape(input: JobInput): void {
  const extra = [input.targets && 'targets', input.schedule && 'schedule', input.coAuthors.coAuthorIds.length > 0 && 'coAuthors'].filter(Boolean)
  if (extra.length > 0) throw invalid('JOB_ADVISORY_SHAPE', `A job advisory carries its basics and a patch list only, not ${extra.join(', ')}: the owner it is assigned to completes it.`, { fields: extra })
  if (input.patches?.mode !== 'list' || input.patches.patchIds.length === 0) {
    throw invalid('JOB_ADVISORY_PATCHES', 'A job advisory needs a list of patches (not a dynamic query).', { field: 'patches' })
  }
}

export async function createJob(db: Database, user: SessionUser, body: z.infer<typeof createJobBody>): Promise<JobView> {
  const { advisory, ...input } = body
  if (advisory) {
    authorize(user, 'jobs.createAdvisory')
    assertAdvisoryShape(input)
    return toOneJobView(db, user, await createStoredJob(db, user, null, input, true, 'job.advisory.create'))
  }
  authorize(user, 'jobs.create')
  await assertJobsAllowed(db)
  return toOneJobView(db, user, await createStoredJob(db, user, user, input, false, 'job.create'))
}

/** 409 when someone saved the job since the author opened it: who, when and at which version. */
function assertVersion(job: StoredJob, expected: number): void {
  if (job.revision === expected) return
  throw conflict(
    'JOB_CHANGED',
    `${job.updatedByEmail || 'Someone'} saved this job at ${job.updatedAt} UTC (version ${job.revision}) after you opened version ${expected}. Nothing was saved: reload to see their changes, then apply yours again.`,
    { version: job.revision, expectedVersion: expected, updatedBy: { id: job.updatedById, email: job.updatedByEmail }, updatedAt: job.updatedAt },
  )
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000')

/** A co-author may add and remove tags, not assets, and not the owner or co-authors. */
function assertCoAuthorChange(job: StoredJob, input: JobInput): void {
  if (!sameSet(job.targets.assetIds, (input.targets ?? EMPTY_TARGETS).assetIds)) {
    throw forbidden("A co-author may add and remove the job's tags, not its assets: ask the owner to change the assets.", { field: 'targets.assetIds', owner: job.ownerEmail })
  }
  if (!sameSet(job.coAuthorIds, input.coAuthors.coAuthorIds)) {
    throw forbidden("A co-author cannot change the job's co-authors: ask the owner.", { field: 'coAuthors.coAuthorIds', owner: job.ownerEmail })
  }
}

/**
 * An enabled job saved: it must stay fully configured and recurring (a run-once or on-demand job is enabled as such, so
 * its assets are fixed then), and its next run follows the new schedule.
 */
function rescheduled(job: StoredJob): StoredJob {
  const missing = missingParts(job)
  if (missing.length > 0) {
    throw conflict('JOB_ENABLED_INCOMPLETE', `An enabled job must stay fully configured (this save leaves it with no ${missing.join(', no ')}): disable it first.`, { missing })
  }
  const step = job.schedule!
  if (ONE_OFF_SCHEDULES.includes(step.schedule.type)) {
    throw conflict('JOB_ENABLED_ONE_OFF', `An enabled job cannot become a ${step.schedule.type === 'Once' ? 'run-once' : 'on-demand'} job: disable it, save, then enable it again.`)
  }
  return { ...job, nextRunAt: nextSlotAfter(step, new Date())?.toISOString() ?? null }
}

export async function saveJob(db: Database, user: SessionUser, id: string, body: z.infer<typeof saveJobBody>): Promise<JobView> {
  const { version, ...input } = body
  const saved = await serialisedJobChange(id, async () => {
    const job = await operableJob(db, user, id)
    if (job.isAdvisory) throw conflict('JOB_IS_ADVISORY', 'A job advisory is not edited: assign it to an owner, who completes it.')
    const refusal = editRefusal(job)
    if (refusal) throw conflict('JOB_LOCKED', refusal, { status: job.status, scheduleType: job.schedule?.schedule.type ?? null })
    assertVersion(job, version)
    if (isCoAuthorOnly(user, job)) assertCoAuthorChange(job, input)
    const coAuthors = sameSet(job.coAuthorIds, input.coAuthors.coAuthorIds)
      ? { ids: job.coAuthorIds, emails: job.coAuthorEmails }
      : await resolveCoAuthors(db, await currentOwner(db, job), input.coAuthors.coAuthorIds)
    const next: StoredJob = { ...job, ...content(input), coAuthorIds: coAuthors.ids, coAuthorEmails: coAuthors.emails, revision: job.revision + 1 }
    return saveJobChange(db, user, 'job.update', job, job.status === 'Enabled' ? rescheduled(next) : next)
  })
  return toOneJobView(db, user, saved)
}
