// The export-job runner on the embedded engine: two running per user (the rest queue), cancel, the row limit, progress
// written at a cadence, expiry after 24 h (files deleted), and a job a restart interrupted shown as failed with the reason.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { findExportJob, writeExportJob, type ExportJobRecord } from '@/lib/repositories/export-jobs'
import { createUser, type UserRecord } from '@/lib/repositories/users'
import { eventually, gatedExporter, queuedJob } from '@/test/export-job-fixtures'
import { openTestDatabase } from '@/test/database'
import { ExportRunner, type ExportRunnerOptions } from './jobs'
import { exportsDirectory, readExportLimits } from './jobs-config'

let db: Database
let dataDir: string
let close: () => Promise<void>
let ada: UserRecord
let bob: UserRecord

beforeAll(async () => {
  ;({ db, dataDir, close } = await openTestDatabase())
  ada = await createUser(db, { email: 'ada@test.io', name: 'Ada', role: 'Patch Reader', scope: { all: true, tags: [] }, passwordHash: '' })
  bob = await createUser(db, { email: 'bob@test.io', name: 'Bob', role: 'Patch Reader', scope: { all: true, tags: [] }, passwordHash: '' })
})
afterAll(() => close())

function runnerWith(options: Partial<ExportRunnerOptions> & Pick<ExportRunnerOptions, 'exporter'>) {
  return new ExportRunner({ db, dataDir, limits: readExportLimits({}), progressIntervalMs: 0, ...options })
}

async function queue(...jobs: ExportJobRecord[]) {
  for (const job of jobs) await writeExportJob(db, job)
  return jobs
}

const statusOf = async (job: ExportJobRecord) => (await findExportJob(db, job.id))!.status

describe('export job runner', () => {
  it('runs at most two jobs of one user at a time: the third waits queued, and starts when one finishes', async () => {
    const gate = gatedExporter({ waitForRelease: true })
    const runner = runnerWith({ exporter: gate.exporter })
    const [first, second, third] = await queue(queuedJob(ada), queuedJob(ada), queuedJob(ada))
    const [other] = await queue(queuedJob(bob))
    await runner.pump()
    await eventually(async () => gate.started.length === 3)
    expect(await Promise.all([first, second, third, other].map(statusOf))).toEqual(['running', 'running', 'queued', 'running'])
    gate.finish(first.id)
    await eventually(async () => (await statusOf(third)) === 'running')
    expect(await statusOf(first)).toBe('done')
    for (const job of [second, third, other]) gate.finish(job.id)
    await runner.idle()
    expect(await Promise.all([first, second, third, other].map(statusOf))).toEqual(['done', 'done', 'done', 'done'])
    const done = (await findExportJob(db, third.id))!
    expect(done.rowsWritten).toBe(5_000)
    expect(done.filePath).toBe(path.join(exportsDirectory(dataDir), `${third.id}.csv`))
    expect(fs.readFileSync(done.filePath, 'utf8').split('\n')[0]).toBe('row-1,findings')
    expect(done.bytes).toBe(fs.statSync(done.filePath).size)
  })

  it('cancels a running job (its partial file deleted) and a queued one, saying by whom', async () => {
    const gate = gatedExporter({ waitForRelease: true })
    const runner = runnerWith({ exporter: gate.exporter, limits: { ...readExportLimits({}), runningPerUser: 1 } })
    const [running, waiting] = await queue(queuedJob(ada), queuedJob(ada))
    await runner.pump()
    await eventually(async () => (await statusOf(running)) === 'running' && gate.started.includes(running.id))
    const partial = `${path.join(exportsDirectory(dataDir), running.id)}.csv.part`
    // The partial file is being written (the stream opens it asynchronously).
    await eventually(async () => fs.existsSync(partial))
    const waitingCanceled = await runner.cancel(waiting, 'ada@test.io')
    expect(waitingCanceled.status).toBe('canceled')
    expect(waitingCanceled.error).toBe('Canceled by ada@test.io before it started.')
    const canceled = await runner.cancel(running, 'ada@test.io')
    expect(canceled.status).toBe('canceled')
    expect(canceled.error).toMatch(/^Canceled by ada@test\.io at 100 % \(5,000 of 5,000 rows\)\.$/)
    expect(fs.existsSync(partial)).toBe(false)
    await runner.idle()
    expect(gate.started).not.toContain(waiting.id)
  })

  it('fails a job above PATCHBOARD_EXPORT_MAX_ROWS before writing anything, naming the count and the limit', async () => {
    const gate = gatedExporter({ rowsFor: () => 1_500 })
    const runner = runnerWith({ exporter: gate.exporter, limits: readExportLimits({ PATCHBOARD_EXPORT_MAX_ROWS: '1000' }) })
    const [job] = await queue(queuedJob(ada))
    await runner.pump()
    await runner.idle()
    const failed = (await findExportJob(db, job.id))!
    expect(failed.status).toBe('failed')
    expect(failed.error).toMatch(/^This export matches 1,500 rows, above the limit of 1,000 rows per export \(PATCHBOARD_EXPORT_MAX_ROWS\)\. Narrow the query/)
    expect(gate.started).not.toContain(job.id)
  })

  it('stops a job whose rows grow past the limit while it is written, and deletes the partial file', async () => {
    let counted = false
    const gate = gatedExporter({ rowsFor: () => (counted ? 3_000 : ((counted = true), 900)) })
    const runner = runnerWith({ exporter: gate.exporter, limits: readExportLimits({ PATCHBOARD_EXPORT_MAX_ROWS: '1000' }) })
    const [job] = await queue(queuedJob(bob))
    await runner.pump()
    await runner.idle()
    const failed = (await findExportJob(db, job.id))!
    expect(failed.status).toBe('failed')
    expect(failed.error).toMatch(/above the limit of 1,000 rows per export/)
    expect(fs.existsSync(`${path.join(exportsDirectory(dataDir), job.id)}.csv.part`)).toBe(false)
  })

  it('writes progress at its cadence, not per row', async () => {
    const gate = gatedExporter({ rowsFor: () => 50_000 })
    const runner = runnerWith({ exporter: gate.exporter, progressIntervalMs: 60_000 })
    const [job] = await queue(queuedJob(bob))
    await runner.pump()
    await runner.idle()
    const [{ versions }] = await db.query<{ versions: number }>('SELECT toUInt32(count()) AS versions FROM export_jobs WHERE job_id = {id:String}', { id: job.id })
    // queued, running, counted, done: each progress report (50 of them) did not become a row.
    expect(Number(versions)).toBeLessThanOrEqual(5)
    expect((await findExportJob(db, job.id))!.rowsWritten).toBe(50_000)
  })

  it('deletes finished files after 24 hours and marks their jobs expired (the timer looks every minute)', async () => {
    let now = new Date('2026-12-01T10:00:00Z')
    const gate = gatedExporter({ rowsFor: () => 10 })
    const runner = runnerWith({ exporter: gate.exporter, now: () => now })
    const [job] = await queue(queuedJob(ada))
    await runner.pump()
    await runner.idle()
    const done = (await findExportJob(db, job.id))!
    expect(done.expiresAt).toBe('2026-12-02T10:00:00.000Z')
    expect(fs.existsSync(done.filePath)).toBe(true)
    now = new Date('2026-12-02T09:59:00Z')
    expect(await runner.expireDue()).toBe(0)
    now = new Date('2026-12-02T10:00:01Z')
    expect(await runner.expireDue()).toBeGreaterThanOrEqual(1)
    const expired = (await findExportJob(db, job.id))!
    expect(expired.status).toBe('expired')
    expect(expired.error).toMatch(/deleted 24 hours after it was written/)
    expect(fs.existsSync(done.filePath)).toBe(false)
  })

  it('on start, shows a job a restart interrupted as failed with where it stopped — never stuck at 63 %', async () => {
    const partial = path.join(exportsDirectory(dataDir), 'interrupted.csv.part')
    fs.writeFileSync(partial, 'row-1\n')
    const [stuck] = await queue(queuedJob(ada, { status: 'running', rowsWritten: 630_000, rowsTotal: 1_000_000, startedAt: new Date().toISOString(), filePath: partial }))
    const runner = runnerWith({ exporter: gatedExporter().exporter })
    expect(await runner.start()).toEqual({ interrupted: 1 })
    await runner.stop()
    const failed = (await findExportJob(db, stuck.id))!
    expect(failed.status).toBe('failed')
    expect(failed.error).toBe('Interrupted: the server restarted while this export was running at 63 % (630,000 of 1,000,000 rows). Start it again.')
    expect(fs.existsSync(partial)).toBe(false)
  })
})
