// Changes the server itself makes to jobs (actor `system`): disabling every Enabled job when the subscription falls back to Free.
import type { Database } from '@/clickhouse/client'
import { appendAudit } from '@/lib/repositories/audit'
import { loadJob, loadJobsByStatus, serialisedJobChange, writeJob } from '@/lib/repositories/jobs'

const SYSTEM = { id: 'system', email: 'system' } as const

/**
 * Every Enabled job becomes Disabled with `disabledReason = reason` (shown on the job; a user re-enabling it clears it),
 * each audited as `system` with before/after. Answers how many jobs it disabled.
 */
export async function disableEnabledJobs(db: Database, reason: string): Promise<number> {
  let disabled = 0
  for (const candidate of await loadJobsByStatus(db, 'Enabled')) {
    const changed = await serialisedJobChange(candidate.id, async () => {
      const job = await loadJob(db, candidate.id)
      if (job === null || job.status !== 'Enabled') return false
      const written = await writeJob(db, { ...job, status: 'Disabled', disabledReason: reason, nextRunAt: null, updatedAt: new Date().toISOString() })
      await appendAudit(db, {
        actor: SYSTEM,
        action: 'job.disable',
        entity: 'job',
        entityId: job.id,
        before: job,
        after: written,
      })
      return true
    })
    if (changed) disabled += 1
  }
  return disabled
}
