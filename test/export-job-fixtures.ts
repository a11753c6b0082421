// Test helpers for export jobs: an exporter whose jobs run until the test lets them finish, and a queued job record.
import crypto from 'node:crypto'
import type { Writable } from 'node:stream'
import type { JobExporter } from '@/lib/export/jobs'
import type { ExportJobRecord } from '@/lib/repositories/export-jobs'

/**
 * Writes `rows` lines of CSV per job, reporting progress every 1,000 rows, and then waits until `finish(id)` (or
 * `finishAll`) unless the job was told to finish at once; an abort signal ends it with an AbortError.
 */
export function gatedExporter(options: { rowsFor?: (job: ExportJobRecord) => number; waitForRelease?: boolean } = {}) {
  const gates = new Map<string, () => void>()
  const released = new Set<string>()
  const started: string[] = []
  const rowsFor = options.rowsFor ?? (() => 5_000)
  const exporter: JobExporter = {
    count: async (job) => rowsFor(job),
    async write(job, _user, sink: Writable, onProgress, signal) {
      started.push(job.id)
      const total = rowsFor(job)
      let bytes = 0
      for (let row = 1; row <= total; row++) {
        const line = `row-${row},${job.entity}\n`
        bytes += line.length
        sink.write(line)
        if (row % 1_000 === 0 || row === total) onProgress(row, total)
        if (signal.aborted) throw signal.reason
      }
      if (options.waitForRelease && !released.has(job.id)) {
        await new Promise<void>((resolve, reject) => {
          gates.set(job.id, resolve)
          signal.addEventListener('abort', () => reject(signal.reason), { once: true })
        })
      }
      return { rows: total, bytes, sheets: 1 }
    },
  }
  return {
    exporter,
    started,
    /** Lets a waiting job finish (or, if it has not reached the end yet, finish without waiting). */
    finish(id: string) {
      released.add(id)
      gates.get(id)?.()
    },
    finishAll() {
      for (const id of [...gates.keys()]) this.finish(id)
    },
  }
}

/** A queued findings CSV job of a user, as POST /api/v1/exports would store it. */
let created = Date.parse('2026-12-01T00:00:00Z')

export function queuedJob(user: { id: string; email: string }, changes: Partial<ExportJobRecord> = {}): ExportJobRecord {
  // Each job one second after the last: the queue is first come, first served.
  created += 1000
  return {
    id: crypto.randomUUID(),
    userId: user.id,
    userEmail: user.email,
    entity: 'findings',
    format: 'csv',
    csvBom: false,
    query: '',
    tokenVersion: 2,
    columns: [],
    sort: '',
    dir: '',
    sourceOptions: '',
    title: '',
    status: 'queued',
    rowsWritten: 0,
    rowsTotal: 0,
    bytes: 0,
    sheets: 0,
    filePath: '',
    fileName: 'patchboard-findings.csv',
    error: '',
    createdAt: new Date(created).toISOString(),
    startedAt: null,
    finishedAt: null,
    expiresAt: null,
    version: 0,
    ...changes,
  }
}

/** Polls `check` until it holds (a job reached a state), at most `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > until) throw new Error('condition not reached in time')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
