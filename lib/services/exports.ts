// Export jobs as the API serves them: start (row limit checked first), list mine, status with an ETA, cancel, download — owner only.
// Assets, Patches and Findings export through the core; Jobs and job progress through their screens' services (options).
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import { decideResourceAccess } from '@/lib/auth/policy'
import type { SessionUser } from '@/lib/auth/user'
import { conflict, DomainError, notFound } from '@/lib/errors'
import { EXPORT_ENTITIES, resolveColumns } from '@/lib/export/columns'
import { describeExport } from '@/lib/export/export-description'
import { countRowsFor, exportColumnsFor } from '@/lib/export/jobs-exporter'
import { exportSource } from '@/lib/export/query'
import { limitReason } from '@/lib/export/jobs'
import { exportsDirectory } from '@/lib/export/jobs-config'
import { isTableExportEntity, TABLE_EXPORT_ENTITIES, tableExportSource } from '@/lib/export/jobs-table-exporter'
import { getExportRunner } from '@/lib/export/jobs-runtime'
import { findExportJob, listExportJobsOfUser, writeExportJob, type ExportJobRecord } from '@/lib/repositories/export-jobs'
import { visibleRunTimes } from './exports-run-times'
import { compileSearch, tokenVersionParam } from './search'

export const exportEntitySchema = z.enum(EXPORT_ENTITIES)
export const exportFormatSchema = z.enum(['csv', 'xlsx'])

const columnsField = z
  .union([z.array(z.string().min(1).max(100)), z.string().max(5_000)])
  .transform((value) => (Array.isArray(value) ? value : value.split(',').map((id) => id.trim()).filter(Boolean)))
  .pipe(z.array(z.string()).max(200, 'at most 200 columns'))

/** The screen's parameters of a Jobs or job-progress export, as on GET /api/v1/export/jobs or /job-progress. */
const sourceOptionsField = z
  .record(z.string().max(64), z.string().max(10_000))
  .refine((options) => Object.keys(options).length <= 20, 'at most 20 options')
  .describe('jobs and jobProgress only: the list parameters (jobs: q, v, status, scheduleType, type, mine, coAuthored, sort, dir; jobProgress: job, runId, status, q)')

const ENTITY_TITLES: Record<string, string> = { assets: 'Assets', patches: 'Patches', findings: 'Findings', jobs: 'Jobs', jobProgress: 'Job progress' }

export const startExportBody = z.object({
  entity: z.enum([...EXPORT_ENTITIES, ...TABLE_EXPORT_ENTITIES]),
  format: exportFormatSchema,
  q: z.string().max(10_000).nullish().transform((q) => q ?? ''),
  v: tokenVersionParam,
  /** Column registry ids in order (or comma-separated); absent or empty: the entity's default columns. */
  columns: columnsField.nullish().transform((c) => c ?? []),
  sort: z.string().max(64).nullish().transform((s) => s ?? ''),
  dir: z.enum(['asc', 'desc']).nullish().transform((d) => d ?? ''),
  /** CSV only: start the file with a UTF-8 byte order mark, so Excel reads it as UTF-8. */
  bom: z.boolean().nullish().transform((b) => b ?? false),
  options: sourceOptionsField.nullish().transform((o) => o ?? null),
}).refine((body) => body.options === null || isTableExportEntity(body.entity), { path: ['options'], message: 'options are only for entity jobs or jobProgress' })
export type StartExportBody = z.infer<typeof startExportBody>

export const exportPreviewQuery = z.object({ entity: exportEntitySchema, q: z.string().max(10_000).default(''), v: tokenVersionParam })
export const exportIdParams = z.object({ id: z.string().uuid('not an export job id') })

export const exportJobViewSchema = z.object({
  id: z.string(),
  entity: z.string(),
  title: z.string().describe('what is exported, in words: Findings, Jobs, Job progress: <job name>'),
  format: exportFormatSchema,
  query: z.string().describe('as stored: the QQL query (Jobs: the list\'s QQL; job progress: the job, run and filters as the audit entry records them)'),
  description: z
    .string()
    .describe('what is exported, in words: the QQL query (Assets, Patches, Findings; "All rows in your scope" without one), the Jobs filters ("Status: Enabled · Type: Install", "All jobs"), the run and filters of job progress ("Run of 02 Dec 2026, 06:45 UTC · Status: Failed")'),
  version: z.number(),
  columns: z.array(z.string()),
  status: z.enum(['queued', 'running', 'done', 'failed', 'canceled', 'expired']),
  rowsWritten: z.number(),
  rowsTotal: z.number(),
  percent: z.number().describe('0–100, from rows written of the total'),
  etaSeconds: z.number().nullable().describe('estimated seconds left while running, from the rate so far; null when unknown'),
  finishing: z.boolean().describe('running with every row read: the file is being completed'),
  bytes: z.number(),
  sheets: z.number(),
  error: z.string().describe('why it failed, or what cancel / expiry did; empty otherwise'),
  fileName: z.string(),
  downloadUrl: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
})
export type ExportJobView = z.infer<typeof exportJobViewSchema>

/** Who is looking, for the description: their time zone and the run times they may see. */
type Viewing = { timeZone: string; runTimes: ReadonlyMap<string, string> }

async function viewingOf(db: Database, user: SessionUser, jobs: readonly ExportJobRecord[]): Promise<Viewing> {
  return { timeZone: user.timeZone, runTimes: await visibleRunTimes(db, user, jobs) }
}

function toView(job: ExportJobRecord, live: { rowsWritten: number; rowsTotal: number } | null, viewing: Viewing, now = Date.now()): ExportJobView {
  const rowsWritten = Math.max(live?.rowsWritten ?? 0, job.rowsWritten)
  const rowsTotal = Math.max(live?.rowsTotal ?? 0, job.rowsTotal)
  // Every row read while still running: the writer is completing the file (XLSX closing its zip, a capped rate).
  const finishing = job.status === 'running' && rowsTotal > 0 && rowsWritten >= rowsTotal
  const percent = job.status === 'done' ? 100 : rowsTotal > 0 ? Math.min(finishing ? 99 : 100, Math.floor((rowsWritten / rowsTotal) * 100)) : 0
  let etaSeconds: number | null = null
  if (job.status === 'running' && !finishing && job.startedAt && rowsWritten > 0 && rowsTotal > 0) {
    const elapsed = (now - Date.parse(job.startedAt)) / 1000
    etaSeconds = Math.max(0, Math.round(((rowsTotal - rowsWritten) * elapsed) / rowsWritten))
  }
  return {
    id: job.id,
    entity: job.entity,
    title: job.title || ENTITY_TITLES[job.entity] || job.entity,
    format: job.format,
    query: job.query,
    description: describeExport(job, viewing),
    version: job.tokenVersion,
    columns: job.columns,
    status: job.status,
    rowsWritten,
    rowsTotal,
    percent,
    etaSeconds,
    finishing,
    bytes: job.bytes,
    sheets: job.sheets,
    error: job.error,
    fileName: job.fileName,
    downloadUrl: job.status === 'done' ? `/api/v1/exports/${job.id}/download` : null,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    expiresAt: job.expiresAt,
  }
}

/** What the export dialog shows before exporting: the reading in words, the row count, the columns, the limits. */
export type ExportPreview = { columns: { id: string; header: string; default: boolean }[]; directMaxRows: number; maxRows: number } & (
  | { ok: true; rows: number; explain: string }
  | { ok: false; errors: string[] }
)

export async function previewExport(db: Database, user: SessionUser, input: z.infer<typeof exportPreviewQuery>): Promise<ExportPreview> {
  const { directMaxRows, maxRows } = (await getExportRunner()).limits
  const shared = { columns: exportColumnsFor(input.entity, user.timeZone), directMaxRows, maxRows }
  const search = compileSearch(input.entity, input.q, user, input.v)
  if (!search.ok) return { ...shared, ok: false, errors: search.errors.map((error) => error.message) }
  const rows = await countRowsFor(db, user, { entity: input.entity, query: input.q, version: input.v })
  return { ...shared, ok: true, rows, explain: `${search.explain}, in your tag scope` }
}

type QueuedSource = Pick<ExportJobRecord, 'query' | 'tokenVersion' | 'columns' | 'sort' | 'dir' | 'sourceOptions' | 'title'> & { rows: number }

/** A list's export: the query compiles in the user's scope, the sort is one of the list's, the columns exist (else a 400). */
async function coreSource(db: Database, user: SessionUser, input: StartExportBody & { entity: (typeof EXPORT_ENTITIES)[number] }): Promise<QueuedSource> {
  exportSource(input.entity, user, input.q, input.v, input.sort ? { key: input.sort, dir: input.dir || 'asc' } : null)
  const columns = resolveColumns(input.entity, input.columns).map((column) => column.id)
  const rows = await countRowsFor(db, user, { entity: input.entity, query: input.q, version: input.v })
  return { query: input.q, tokenVersion: input.v, columns, sort: input.sort, dir: input.dir, sourceOptions: '', title: '', rows }
}

/** A Jobs or job-progress export: `options` (q, v, sort and dir may come at the top level too) checked by the screen's schemas. */
async function serviceSource(db: Database, user: SessionUser, input: StartExportBody & { entity: (typeof TABLE_EXPORT_ENTITIES)[number] }): Promise<QueuedSource> {
  const params = { ...(input.q ? { q: input.q } : {}), v: String(input.v), ...(input.sort ? { sort: input.sort } : {}), ...(input.dir ? { dir: input.dir } : {}), ...input.options }
  const source = await tableExportSource(db, user, input.entity, params, { format: input.format, columns: input.columns, bom: input.bom })
  return { query: source.query, tokenVersion: source.version, columns: source.columns, sort: '', dir: '', sourceOptions: source.sourceOptions, title: source.title, rows: source.prepared.rows }
}

/** Queues an export job for the caller (refused at once, with the reason, when it is above the row limit). */
export async function startExport(db: Database, user: SessionUser, input: StartExportBody): Promise<ExportJobView> {
  const { entity } = input
  const source = isTableExportEntity(entity) ? await serviceSource(db, user, { ...input, entity }) : await coreSource(db, user, { ...input, entity })
  const { rows, ...fields } = source
  const runner = await getExportRunner()
  if (rows > runner.limits.maxRows) throw new DomainError('too-large', 'EXPORT_TOO_LARGE', limitReason(rows, runner.limits.maxRows), { rows, maxRows: runner.limits.maxRows })
  const now = new Date()
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-')
  const job = await writeExportJob(db, {
    id: crypto.randomUUID(),
    userId: user.id,
    userEmail: user.email,
    entity: input.entity,
    format: input.format,
    csvBom: input.format === 'csv' && input.bom,
    ...fields,
    status: 'queued',
    rowsWritten: 0,
    rowsTotal: rows,
    bytes: 0,
    sheets: 0,
    filePath: '',
    fileName: `patchboard-${input.entity}-${stamp}.${input.format}`,
    error: '',
    createdAt: now.toISOString(),
    startedAt: null,
    finishedAt: null,
    expiresAt: null,
    version: 0,
  })
  void runner.pump()
  return toView(job, null, await viewingOf(db, user, [job]))
}

export async function listMyExports(db: Database, user: SessionUser): Promise<{ jobs: ExportJobView[] }> {
  const runner = await getExportRunner()
  const jobs = await listExportJobsOfUser(db, user.id)
  const viewing = await viewingOf(db, user, jobs)
  return { jobs: jobs.map((job) => toView(job, runner.live(job.id), viewing)) }
}

/** The caller's own job; anyone else's (Administrators' too: the file holds its owner's scope) is a 404, as if absent. */
async function ownJob(db: Database, user: SessionUser, id: string): Promise<ExportJobRecord> {
  const job = await findExportJob(db, id)
  if (!decideResourceAccess(`exportJob:${id}`, job !== null && job.userId === user.id) || !job) throw notFound('No such export job.')
  return job
}

export async function exportStatus(db: Database, user: SessionUser, id: string): Promise<ExportJobView> {
  const job = await ownJob(db, user, id)
  return toView(job, (await getExportRunner()).live(id), await viewingOf(db, user, [job]))
}

export async function cancelExport(db: Database, user: SessionUser, id: string): Promise<ExportJobView> {
  const job = await ownJob(db, user, id)
  if (job.status !== 'queued' && job.status !== 'running') throw conflict('EXPORT_FINISHED', `This export is already ${job.status}; there is nothing to cancel.`)
  const canceled = await (await getExportRunner()).cancel(job, user.email)
  return toView(canceled, null, await viewingOf(db, user, [canceled]))
}

/** The finished file to stream, with the name to offer; 409 while it is not ready, or after it expired. */
export async function openExportDownload(db: Database, user: SessionUser, id: string): Promise<{ stream: fs.ReadStream; fileName: string; bytes: number; format: 'csv' | 'xlsx' }> {
  const job = await ownJob(db, user, id)
  if (job.status === 'expired') throw conflict('EXPORT_EXPIRED', 'This export expired: its file was deleted 24 hours after it was written. Export again.')
  if (job.status !== 'done') throw conflict('EXPORT_NOT_READY', `This export is ${job.status}; its file can be downloaded once it is done.`)
  // Only ever a file of the exports directory (the runner writes the path; this keeps a bad row from reading elsewhere).
  const inExports = path.dirname(path.resolve(job.filePath)) === exportsDirectory(db.config.dataDir)
  if (!inExports || !fs.existsSync(job.filePath)) throw conflict('EXPORT_FILE_MISSING', 'The file of this export is no longer on the server. Export again.')
  return { stream: fs.createReadStream(job.filePath), fileName: job.fileName, bytes: fs.statSync(job.filePath).size, format: job.format }
}
