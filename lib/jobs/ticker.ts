// The job scheduler inside the server process: every 30 s it creates the runs that are due and moves each job to its next slot.
import type { Database } from '@/clickhouse/client'
import { listSchedulableJobs, type StoredJob } from '@/lib/repositories/jobs'
import { createRun } from '@/lib/services/job-runs'
import { nextSlotAfter } from './schedule'

export const TICK_INTERVAL_MS = 30_000

/**
 * When the job is next due: its stored next run, or (none stored yet) the first slot after its last run or last change.
 * Null: nothing to schedule (On-demand; a Once time already past).
 */
function dueAt(job: StoredJob): Date | null {
  if (job.nextRunAt) return new Date(job.nextRunAt)
  const since = [job.lastRunAt, job.updatedAt].filter((time): time is string => time !== null).map((time) => new Date(time).getTime())
  return job.schedule ? nextSlotAfter(job.schedule, new Date(Math.max(...since))) : null
}

export interface TickReport {
  created: string[]
  /** Jobs whose run could not be created, with the reason (the tick goes on with the others). */
  failed: { jobId: string; message: string }[]
}

/**
 * One pass: for every schedulable job that is due, its run for the due slot. After downtime a job whose slots were missed
 * gets one run, for the earliest missed slot, and then moves to the first slot after now — never one run per missed slot.
 * Safe to repeat and to run after a restart: the run id comes from the job and the slot (see createRun).
 */
export async function runSchedulerTick(db: Database, now = new Date()): Promise<TickReport> {
  const report: TickReport = { created: [], failed: [] }
  for (const job of await listSchedulableJobs(db)) {
    if (job.schedule?.schedule.type === 'On-demand') continue
    const due = dueAt(job)
    if (due === null || due.getTime() > now.getTime()) continue
    try {
      const run = await createRun(db, job, due, 'schedule', now)
      if (run.created) report.created.push(run.runId)
    } catch (error) {
      report.failed.push({ jobId: job.id, message: (error as Error).message })
    }
  }
  return report
}

interface Scheduler {
  timer: ReturnType<typeof setInterval>
  running: Promise<void> | null
  /** What was last logged per job, so a job that keeps failing is logged once, not every 30 s. */
  logged: Map<string, string>
}

const holder = globalThis as typeof globalThis & { patchboardJobScheduler?: Scheduler }

function tick(db: Database, scheduler: Scheduler): Promise<void> {
  if (scheduler.running) return scheduler.running
  scheduler.running = runSchedulerTick(db)
    .then((report) => {
      for (const failure of report.failed) {
        if (scheduler.logged.get(failure.jobId) === failure.message) continue
        scheduler.logged.set(failure.jobId, failure.message)
        console.error(`patchboard: job ${failure.jobId} could not run: ${failure.message}`)
      }
    })
    .catch((error) => console.error(`patchboard: the job scheduler's tick failed: ${(error as Error).message}`))
    .finally(() => {
      scheduler.running = null
    })
  return scheduler.running
}

/** Start-up step: a first tick at once (runs missed while the server was down), then one every TICK_INTERVAL_MS. */
export async function startJobScheduler(db: Database, intervalMs = TICK_INTERVAL_MS): Promise<string[]> {
  await stopJobScheduler()
  const scheduler: Scheduler = { timer: setInterval(() => void tick(db, scheduler), intervalMs), running: null, logged: new Map() }
  scheduler.timer.unref?.()
  holder.patchboardJobScheduler = scheduler
  await tick(db, scheduler)
  return []
}

/** Stops the scheduler (tests, shutdown) and waits for a tick in progress. */
export async function stopJobScheduler(): Promise<void> {
  const scheduler = holder.patchboardJobScheduler
  holder.patchboardJobScheduler = undefined
  if (!scheduler) return
  clearInterval(scheduler.timer)
  await scheduler.running
}
