// The run times My exports names: those of job-progress exports whose job the user may view now (others keep a short run id).
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { exportRunOf, type DescribedExport } from '@/lib/export/export-description'
import { runScheduledTimes } from '@/lib/repositories/job-run-times'
import { loadJobs } from '@/lib/repositories/jobs'
import { mayView } from './jobs-rules'

/** Scheduled time (ISO) by run id, for the exports' runs of jobs `user` may view; two queries, none without such exports. */
export async function visibleRunTimes(db: Database, user: SessionUser, exports: readonly DescribedExport[]): Promise<Map<string, string>> {
  const runs = exports.map(exportRunOf).filter((run) => run !== null)
  if (runs.length === 0) return new Map()
  const jobs = await loadJobs(db, [...new Set(runs.map((run) => run.jobId))])
  const viewable = new Set(jobs.filter((job) => mayView(user, job)).map((job) => job.id))
  return runScheduledTimes(db, runs.filter((run) => viewable.has(run.jobId)))
}
