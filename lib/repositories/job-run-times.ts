// When runs were scheduled, several at once by id (My exports names a job-progress export's run by its time).
import type { Database } from '@/clickhouse/client'
import { isoTime } from './job-rows'

/** The scheduled time (ISO) of each of `runIds` that is a run of the job stored with it; others are left out. */
export async function runScheduledTimes(db: Database, runs: readonly { jobId: string; runId: string }[]): Promise<Map<string, string>> {
  if (runs.length === 0) return new Map()
  const rows = await db.query<{ run_id: string; job_id: string; scheduled_at: string }>(
    'SELECT run_id, job_id, scheduled_at FROM job_runs FINAL WHERE has({runIds:Array(String)}, run_id)',
    { runIds: [...new Set(runs.map((run) => run.runId))] },
  )
  const jobOf = new Map(runs.map((run) => [run.runId, run.jobId]))
  return new Map(rows.filter((row) => jobOf.get(row.run_id) === row.job_id).map((row) => [row.run_id, isoTime(row.scheduled_at)]))
}
