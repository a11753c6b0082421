// The export-job runner inside the server process: a queue (two running per user), progress, cancel, the row limit,
// expiry of finished files after 24 h, and recovery of jobs a restart interrupted.
import fs from 'node:fs'
import path from 'node:path'
import type { Writable } from 'node:stream'
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { findExportJob, listExpiredExportJobs, listExportJobsByStatus, writeExportJob, type ExportJobRecord } from '@/lib/repositories/export-jobs'
import { findUserById } from '@/lib/repositories/users'
import { exportsDirectory, type ExportLimits } from './jobs-config'
import { openJobFile } from './jobs-throttle'

/** What writes a job's rows: the core export (lib/export/run.ts) in the server, something slower in tests. */
export interface JobExporter {
  count(job: ExportJobRecord, user: SessionUser): Promise<number>
  write(job: ExportJobRecord, user: SessionUser, sink: Writable, onProgress: (rowsWritten: number, totalRows: number) => void, signal: AbortSignal): Promise<{ rows: number; bytes: number; sheets: number }>
}

/** Called when a job finished with a file (the audit entry). */
export type OnJobDone = (job: ExportJobRecord) => Promise<void>

export interface ExportRunnerOptions {
  db: Database
  dataDir: string
  limits: ExportLimits
  exporter: JobExporter
  onDone?: OnJobDone
  /** How often a running job's progress is written (not per row). */
  progressIntervalMs?: number
  /** How often expired files are looked for. */
  expiryIntervalMs?: number
  now?: () => Date
}

interface RunningJob {
  userId: string
  controller: AbortController
  /** Why it was aborted: the user canceled, or the row limit was passed. */
  abortReason?: { status: 'canceled' | 'failed'; error: string }
  /** The newest progress, ahead of what was last written. */
  rowsWritten: number
  rowsTotal: number
  finished: Promise<void>
}

const fmt = (n: number) => n.toLocaleString('en')
const percentOf = (done: number, total: number) => (total > 0 ? Math.floor((done / total) * 100) : 0)

export const limitReason = (rows: number, maxRows: number) =>
  `This export matches ${fmt(rows)} rows, above the limit of ${fmt(maxRows)} rows per export (PATCHBOARD_EXPORT_MAX_ROWS). ` +
  'Narrow the query (for example by site, severity or status) and export again, or ask an administrator to raise the limit.'

/** A job refused for its own reason (already a sentence for the user), not an unexpected failure. */
export class JobRefusal extends Error {}

export class ExportRunner {
  private readonly running = new Map<string, RunningJob>()
  /** Queue decisions run one at a time, so a job is never started twice. */
  private chain: Promise<void> = Promise.resolve()
  private timer: NodeJS.Timeout | undefined
  private readonly now: () => Date

  constructor(private readonly options: ExportRunnerOptions) {
    this.now = options.now ?? (() => new Date())
  }

  get limits(): ExportLimits {
    return this.options.limits
  }

  /** Recovers from a restart, then starts queued jobs and the expiry timer (unref'd: it never keeps a process alive). */
  async start(): Promise<{ interrupted: number }> {
    const interrupted = await this.failInterrupted()
    await this.expireDue()
    this.pump()
    this.timer = setInterval(() => void this.expireDue().catch((error) => console.error('patchboard: export expiry failed:', error)), this.options.expiryIntervalMs ?? 60_000)
    this.timer.unref()
    return { interrupted }
  }

  /** Stops the timer and aborts running jobs (they end as failed, "the server stopped"); waits for them. */
  async stop(): Promise<void> {
    clearInterval(this.timer)
    for (const job of this.running.values()) this.abort(job, { status: 'failed', error: 'The server stopped while this export was running. Start it again.' })
    await this.idle()
  }

  /** Resolves when no job is running or being started (tests). */
  async idle(): Promise<void> {
    await this.chain
    while (this.running.size > 0) {
      await Promise.all([...this.running.values()].map((job) => job.finished))
      await this.chain
    }
  }

  /** The newest progress of a running job (fresher than its stored row), or null. */
  live(id: string): { rowsWritten: number; rowsTotal: number } | null {
    const job = this.running.get(id)
    return job ? { rowsWritten: job.rowsWritten, rowsTotal: job.rowsTotal } : null
  }

  /** Looks at the queue: starts the oldest queued jobs as long as their users and the server have room. */
  pump(): Promise<void> {
    this.chain = this.chain.then(() => this.startQueued()).catch((error) => console.error('patchboard: export queue failed:', error))
    return this.chain
  }

  /** Cancels a queued job at once, or aborts a running one (its partial file is deleted). */
  cancel(job: ExportJobRecord, by: string): Promise<ExportJobRecord> {
    const result = this.chain.then(async () => {
      const running = this.running.get(job.id)
      if (running) {
        this.abort(running, { status: 'canceled', error: `Canceled by ${by} at ${percentOf(running.rowsWritten, running.rowsTotal)} % (${fmt(running.rowsWritten)} of ${fmt(running.rowsTotal)} rows).` })
        await running.finished
        return (await findExportJob(this.options.db, job.id)) ?? job
      }
      const current = (await findExportJob(this.options.db, job.id)) ?? job
      if (current.status !== 'queued') return current
      return writeExportJob(this.options.db, { ...current, status: 'canceled', error: `Canceled by ${by} before it started.`, finishedAt: this.now().toISOString() })
    })
    this.chain = result.then(() => undefined, () => undefined)
    return result
  }

  /** Deletes the files of finished jobs past their expiry time and marks them expired; returns how many. */
  async expireDue(): Promise<number> {
    const due = await listExpiredExportJobs(this.options.db, this.now())
    for (const job of due) {
      this.removeFile(job.filePath)
      const error = job.status === 'done' ? 'The file was deleted 24 hours after it was written. Export again for a fresh copy.' : job.error
      await writeExportJob(this.options.db, { ...job, status: 'expired', filePath: '', error })
    }
    return due.length
  }

  /** A job still "running" when the server starts was interrupted by a restart: it is failed, saying so and where it stopped. */
  private async failInterrupted(): Promise<number> {
    const stale = await listExportJobsByStatus(this.options.db, ['running'])
    for (const job of stale) {
      this.removeFile(job.filePath)
      const at = job.rowsTotal > 0 ? ` at ${percentOf(job.rowsWritten, job.rowsTotal)} % (${fmt(job.rowsWritten)} of ${fmt(job.rowsTotal)} rows)` : ''
      await writeExportJob(this.options.db, {
        ...job,
        status: 'failed',
        filePath: '',
        error: `Interrupted: the server restarted while this export was running${at}. Start it again.`,
        finishedAt: this.now().toISOString(),
        expiresAt: this.expiryFrom(this.now()),
      })
    }
    return stale.length
  }

  private async startQueued(): Promise<void> {
    const { runningPerUser, runningTotal } = this.options.limits
    const queued = await listExportJobsByStatus(this.options.db, ['queued'])
    for (const job of queued) {
      if (this.running.size >= runningTotal) return
      if (this.running.has(job.id)) continue
      const mine = [...this.running.values()].filter((running) => running.userId === job.userId).length
      if (mine >= runningPerUser) continue
      await this.launch(job)
    }
  }

  private async launch(queued: ExportJobRecord): Promise<void> {
    const started = await writeExportJob(this.options.db, { ...queued, status: 'running', startedAt: this.now().toISOString(), error: '' })
    const entry: RunningJob = { userId: started.userId, controller: new AbortController(), rowsWritten: 0, rowsTotal: 0, finished: Promise.resolve() }
    this.running.set(started.id, entry)
    entry.finished = this.execute(started, entry)
      .catch((error) => console.error(`patchboard: export job ${started.id} could not be recorded:`, error))
      .finally(() => {
        this.running.delete(started.id)
        void this.pump()
      })
  }

  private async execute(initial: ExportJobRecord, entry: RunningJob): Promise<void> {
    const { db, dataDir, limits, exporter } = this.options
    let job = initial
    const finalPath = path.join(exportsDirectory(dataDir), `${job.id}.${job.format}`)
    const partPath = `${finalPath}.part`
    try {
      const user = await findUserById(db, job.userId)
      if (!user || user.disabled) throw new JobRefusal('The user who started this export no longer exists or is disabled.')
      const total = await exporter.count(job, user)
      entry.rowsTotal = total
      if (total > limits.maxRows) throw new JobRefusal(limitReason(total, limits.maxRows))
      job = await writeExportJob(db, { ...job, rowsTotal: total, filePath: partPath })
      fs.mkdirSync(path.dirname(partPath), { recursive: true })
      const file = openJobFile(partPath, limits.jobBytesPerSecond)
      let lastWrite = Date.now()
      let progressWrite: Promise<unknown> = Promise.resolve()
      const result = await exporter
        .write(job, user, file.sink, (rowsWritten, totalRows) => {
          entry.rowsWritten = rowsWritten
          entry.rowsTotal = Math.max(totalRows, entry.rowsTotal)
          if (rowsWritten > limits.maxRows) this.abort(entry, { status: 'failed', error: limitReason(rowsWritten, limits.maxRows) })
          if (Date.now() - lastWrite < (this.options.progressIntervalMs ?? 1000)) return
          lastWrite = Date.now()
          // One progress write at a time, in order; the job's own final write waits for it.
          progressWrite = progressWrite.then(async () => {
            job = await writeExportJob(db, { ...job, rowsWritten: entry.rowsWritten, rowsTotal: entry.rowsTotal })
          })
        }, entry.controller.signal)
        .finally(async () => {
          await file.close()
          await progressWrite
        })
      if (entry.controller.signal.aborted) throw new Error('aborted')
      fs.renameSync(partPath, finalPath)
      const finishedAt = this.now()
      const done: ExportJobRecord = {
        ...job,
        status: 'done',
        rowsWritten: result.rows,
        rowsTotal: Math.max(result.rows, job.rowsTotal),
        bytes: fs.statSync(finalPath).size,
        sheets: result.sheets,
        filePath: finalPath,
        finishedAt: finishedAt.toISOString(),
        expiresAt: this.expiryFrom(finishedAt),
      }
      // Audited before it can be downloaded: an export the log cannot record fails instead.
      await this.options.onDone?.(done)
      job = await writeExportJob(db, done)
    } catch (error) {
      this.removeFile(partPath)
      this.removeFile(finalPath)
      const message = (error as Error).message || String(error)
      const reason = entry.abortReason ?? { status: 'failed' as const, error: error instanceof JobRefusal ? message : `The export failed: ${message}` }
      const failedAt = this.now()
      await writeExportJob(db, {
        ...job,
        status: reason.status,
        error: reason.error,
        rowsWritten: entry.rowsWritten,
        rowsTotal: entry.rowsTotal,
        filePath: '',
        finishedAt: failedAt.toISOString(),
        expiresAt: this.expiryFrom(failedAt),
      })
    }
  }

  private abort(entry: RunningJob, reason: NonNullable<RunningJob['abortReason']>): void {
    if (entry.controller.signal.aborted) return
    entry.abortReason = reason
    entry.controller.abort(new Error(reason.error))
  }

  private expiryFrom(at: Date): string {
    return new Date(at.getTime() + this.options.limits.retentionMs).toISOString()
  }

  /** Deletes a job's file, only ever inside the exports directory. */
  private removeFile(filePath: string): void {
    if (!filePath) return
    const directory = exportsDirectory(this.options.dataDir)
    const resolved = path.resolve(filePath)
    if (path.dirname(resolved) !== directory) return
    fs.rmSync(resolved, { force: true })
  }
}
