// Jobs as the API answers them (JobView): counts and progress for a whole page at once, the actions the viewer may take, and no detail of a job the viewer may not view.
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { describeSchedule } from '@/lib/jobs/schedule'
import type { JobView } from '@/lib/schemas/jobs'
import { latestRunProgress } from '@/lib/repositories/job-runs'
import { countJobAssets, type JobCounts } from '@/lib/repositories/jobs-list'
import { DEFAULT_OPTIONS, EMPTY_TARGETS, missingParts, type StoredJob } from '@/lib/repositories/jobs'
import { jobActions } from './jobs-rules'

type Progress = JobView['progress']
const NO_COUNTS: JobCounts = { assetCount: 0, taggedAssets: { matched: 0, included: 0 } }

/** One job as the viewer sees it. A job listed to someone who may not view it keeps its list columns only. */
export function toJobView(job: StoredJob, user: Pick<SessionUser, 'id' | 'role'>, counts: JobCounts = NO_COUNTS, progress: Progress = null): JobView {
  const actions = jobActions(user, job)
  const view: JobView = {
    id: job.id,
    name: job.name,
    description: job.description,
    type: job.type,
    status: job.status,
    isAdvisory: job.isAdvisory,
    owner: job.ownerId === '' ? null : { id: job.ownerId, email: job.ownerEmail },
    coAuthors: job.coAuthorIds.map((id, index) => ({ id, email: job.coAuthorEmails[index] ?? '' })),
    targets: job.targets,
    patches: job.patches,
    schedule: job.schedule,
    scheduleText: describeSchedule(job.schedule),
    options: job.options,
    missing: missingParts(job),
    disabledReason: job.disabledReason,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    lastRunAt: job.lastRunAt,
    nextRunAt: job.nextRunAt,
    patchCount: job.patches?.mode === 'list' ? job.patches.patchIds.length : job.patches === null ? 0 : null,
    assetCount: counts.assetCount,
    taggedAssets: counts.taggedAssets,
    progress,
    version: job.revision,
    actions,
  }
  if (actions.includes('view')) return view
  // Listed, not viewable: the list's columns (name, status, type, owner, schedule, counts, runs) without the job's content.
  return { ...view, description: '', coAuthors: [], targets: { ...EMPTY_TARGETS, tags: job.targets.tags, tagMatch: job.targets.tagMatch }, patches: null, options: DEFAULT_OPTIONS, progress: null }
}

/** The views of several jobs with their counts and latest run progress (one query each for all of them). */
export async function toJobViews(db: Database, user: SessionUser, jobs: StoredJob[]): Promise<JobView[]> {
  const ids = jobs.map((job) => job.id)
  const counts = await countJobAssets(db, ids)
  const progress = await latestRunProgress(db, ids)
  return jobs.map((job) => toJobView(job, user, counts.get(job.id), progress.get(job.id) ?? null))
}

export async function toOneJobView(db: Database, user: SessionUser, job: StoredJob): Promise<JobView> {
  const [view] = await toJobViews(db, user, [job])
  return view
}
