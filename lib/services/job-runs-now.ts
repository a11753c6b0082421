// Run now: a user starts a run of a job they may operate, at once (POST /api/v1/jobs/:id/run), audited.
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { conflict } from '@/lib/errors'
import { appendAudit } from '@/lib/repositories/audit'
import { createRun, runRefusal } from './job-runs'
import { operableJob } from './jobs-access'

const MINUTE_MS = 60_000

/**
 * Run now: a run of an Enabled, fully configured job the user may operate, at the current minute (pressing it twice in
 * one minute answers the same run with `created: false`). Audited.
 */
export async function runJobNow(db: Database, user: SessionUser, jobId: string, now = new Date()): Promise<{ runId: string; created: boolean }> {
  const job = await operableJob(db, user, jobId)
  const refusal = runRefusal(job) ?? (job.status === 'Enabled' ? null : `The job is ${job.status.toLowerCase()}: only an enabled job can run now.`)
  if (refusal) throw conflict('JOB_NOT_RUNNABLE', refusal, { jobId: job.id, status: job.status })
  const scheduledAt = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS)
  const result = await createRun(db, job, scheduledAt, 'manual', now)
  await appendAudit(db, { actor: user, action: 'job.runNow', entity: 'job', entityId: job.id, after: { ...result, scheduledAt: scheduledAt.toISOString() } })
  return result
}
