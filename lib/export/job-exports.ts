// Jobs and job-progress exports: the Jobs list's rows (its QQL, filters, sort and visibility) and a run's asset × patch
// rows (its status filter and QQL asset query), read page by page through the same services as the screens.
import type { Writable } from 'node:stream'
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { invalid } from '@/lib/errors'
import { formatDateTime } from '@/lib/format'
import type { JobProgressView } from '@/lib/schemas/job-runs'
import type { JobView } from '@/lib/schemas/jobs'
import { jobProgress, jobProgressQuery } from '@/lib/services/job-progress'
import { fetchJobPage, jobListQuery } from '@/lib/services/jobs'
import { compileSearch } from '@/lib/services/search'
import { headerFor } from './columns'
import { JOB_COLUMNS, JOB_PROGRESS_COLUMNS, pickColumns, progressRows, type ProgressRow } from './job-columns'
import { readExportLimits, type ExportLimits } from './jobs-config'
import { exportTimeZone, type ExportFormat } from './query'
import type { ExportResult } from './run'
import { writeTable, type TableColumn } from './table-writer'

const fileOptions = {
  format: z.enum(['csv', 'xlsx'], { error: 'format must be csv or xlsx' }),
  /** Column ids, comma-separated, in order (absent: the defaults). */
  columns: z.string().max(5_000).optional(),
  bom: z.enum(['true', 'false', '1', '0']).default('false').transform((value) => value === 'true' || value === '1'),
}
/** GET /api/v1/export/jobs: the Jobs list's own query (q, v, filters, sort) plus the file's format and columns. */
export const jobsExportQuery = jobListQuery.omit({ page: true, pageSize: true }).extend(fileOptions)
export const jobsPreviewQuery = jobListQuery.omit({ page: true, pageSize: true })
export type JobsSource = z.infer<typeof jobsPreviewQuery>
/** GET /api/v1/export/job-progress: the progress page's run, status filter and QQL asset query. */
export const jobProgressPreviewQuery = z.object({
  job: z.string().trim().min(1, 'job is the job id').max(256),
  runId: z.string().trim().max(256).optional(),
  status: z.string().trim().max(64).optional(),
  q: z.string().max(10_000).default(''),
})
export const jobProgressExportQuery = jobProgressPreviewQuery.extend(fileOptions)
export type JobProgressSource = z.infer<typeof jobProgressPreviewQuery>

/** The Jobs list's parameters as query-string values again: what an export job stores, re-read with jobsPreviewQuery when it runs. */
export function jobsSourceParams(input: JobsSource): Record<string, string> {
  const { q, v, status, scheduleType, type, mine, coAuthored, sort, dir } = input
  return { q, v: String(v), status: status.join(','), scheduleType: scheduleType.join(','), type: type.join(','), mine: String(mine), coAuthored: String(coAuthored), sort, dir }
}

/** Reads one page of a run's progress as the page does (H2's service, the caller's authorization). */
export type ProgressPageReader = (page: number, pageSize: number) => Promise<JobProgressView>

/** The progress page's own read of a run, for `user` (a job they may not view is a 404). */
export function progressReader(db: Database, user: SessionUser, input: JobProgressSource): ProgressPageReader {
  const filters = jobProgressQuery.safeParse({ runId: input.runId || undefined, status: input.status, q: input.q })
  if (!filters.success) throw invalid('INVALID_FILTER', filters.error.issues.map((issue) => issue.message).join('; '))
  return (page, pageSize) => jobProgress(db, user, input.job, { ...filters.data, page, pageSize })
}

/** What the audit entry of a job-progress export records as its query: the job, the run and the page's filters. */
export function describeProgress(input: JobProgressSource): string {
  return `job ${input.job}${input.runId ? ` run ${input.runId}` : ' latest run'}${input.status ? ` status ${input.status}` : ''}${input.q ? ` assets ${input.q}` : ''}`
}

const PAGE_SIZE = 500

async function* jobPages(db: Database, user: SessionUser, input: z.infer<typeof jobsPreviewQuery>): AsyncGenerator<JobView[]> {
  for (let page = 1; ; page++) {
    const result = await fetchJobPage(db, user, { ...input, page, pageSize: PAGE_SIZE })
    if (result.rows.length > 0) yield result.rows
    if (page * PAGE_SIZE >= result.total || result.rows.length === 0) return
  }
}

async function* progressPages(read: ProgressPageReader): AsyncGenerator<ProgressRow[]> {
  for (let page = 1; ; page++) {
    const view = await read(page, PAGE_SIZE)
    const rows = progressRows(view)
    if (rows.length > 0) yield rows
    if (page * PAGE_SIZE >= view.assets.total || view.assets.rows.length === 0) return
  }
}

const columnList = (text: string | undefined) => (text === undefined || text.trim() === '' ? null : text.split(',').map((id) => id.trim()).filter(Boolean))
const headers = <Row>(columns: readonly TableColumn<Row>[], zone: string) => columns.map((column) => headerFor(column, zone))

function withinLimit(rows: number, maxRows: number): void {
  if (rows > maxRows) throw invalid('EXPORT_TOO_LARGE', `This export has ${rows.toLocaleString('en')} rows; at most ${maxRows.toLocaleString('en')} can be exported (PATCHBOARD_EXPORT_MAX_ROWS). Narrow it.`, { rows, maxRows })
}

export interface PreparedTableExport {
  columns: string[]
  rows: number
  /** Writes the rows; `onProgress` hears the rows written so far of `rows` after each page. */
  write: (sink: Writable, signal?: AbortSignal, onProgress?: (rowsWritten: number, totalRows: number) => void) => Promise<ExportResult>
}

async function* reported<Row>(batches: AsyncIterable<Row[]>, total: number, onProgress?: (rowsWritten: number, totalRows: number) => void): AsyncGenerator<Row[]> {
  let written = 0
  for await (const batch of batches) {
    yield batch
    written += batch.length
    onProgress?.(written, Math.max(total, written))
  }
}

/**
 * Checks query, columns and the row limit (400s before any byte), then writes the jobs as the list shows them. An export
 * job passes no limit (Infinity): its runner states the row limit in its own words.
 */
export async function prepareJobsExport(db: Database, user: SessionUser, input: z.infer<typeof jobsExportQuery>, maxRows = readExportLimits().maxRows): Promise<PreparedTableExport> {
  const { format, columns: ids, bom, ...list } = input
  const columns = pickColumns(JOB_COLUMNS, columnList(ids), 'jobs')
  const first = await fetchJobPage(db, user, { ...list, page: 1, pageSize: 1 })
  withinLimit(first.total, maxRows)
  const zone = exportTimeZone(user)
  const spec = { format: format as ExportFormat, columns, headers: headers(columns, zone), timeZone: zone, bom, sheetName: 'Jobs' }
  return { columns: columns.map((c) => c.id), rows: first.total, write: (sink, signal, onProgress) => writeTable(spec, reported(jobPages(db, user, list), first.total, onProgress), sink, signal) }
}

/** The same for a run's progress: one row per asset × patch of the run, in the page's asset order; with the job's name and the run read. */
export async function prepareJobProgressExport(
  user: SessionUser,
  input: z.infer<typeof jobProgressExportQuery>,
  read: ProgressPageReader,
  maxRows = readExportLimits().maxRows,
): Promise<PreparedTableExport & { jobName: string; runId: string | null }> {
  const columns = pickColumns(JOB_PROGRESS_COLUMNS, columnList(input.columns), 'job progress')
  const first = await read(1, 1)
  const rows = first.assets.total * Math.max(1, first.patchOutcomes.length)
  withinLimit(rows, maxRows)
  const zone = exportTimeZone(user)
  const spec = { format: input.format as ExportFormat, columns, headers: headers(columns, zone), timeZone: zone, bom: input.bom, sheetName: 'Job progress' }
  const write: PreparedTableExport['write'] = (sink, signal, onProgress) => writeTable(spec, reported(progressPages(read), rows, onProgress), sink, signal)
  return { columns: columns.map((c) => c.id), rows, write, jobName: first.job.name, runId: first.run?.runId ?? null }
}

type Preview = { columns: { id: string; header: string; default: boolean }[]; directMaxRows: number; maxRows: number } & ({ ok: true; rows: number; explain: string } | { ok: false; errors: string[] })

/** The export runner's limits: up to directMaxRows the dialog downloads at once, above it starts an export job. */
type Limits = Pick<ExportLimits, 'directMaxRows' | 'maxRows'>

function previewOf<Row>(all: readonly TableColumn<Row>[], user: SessionUser, { directMaxRows, maxRows }: Limits): Pick<Preview, 'columns' | 'directMaxRows' | 'maxRows'> {
  const zone = exportTimeZone(user)
  return { columns: all.map((column) => ({ id: column.id, header: headerFor(column, zone), default: column.default })), directMaxRows, maxRows }
}

/** What the Export dialog shows for the Jobs list: the query in words, the row count, the columns. */
export async function previewJobsExport(db: Database, user: SessionUser, input: JobsSource, limits: Limits): Promise<Preview> {
  const search = compileSearch('jobs', input.q, user, input.v)
  if (!search.ok) return { ...previewOf(JOB_COLUMNS, user, limits), ok: false, errors: search.errors.map((error) => error.message) }
  const { total } = await fetchJobPage(db, user, { ...input, page: 1, pageSize: 1 })
  // The Jobs list's filters in its own words ("Created by me" there).
  const listed = (label: string, values: readonly string[]) => (values.length > 0 ? `${label} ${values.join(' or ')}` : '')
  const filters = [listed('status', input.status), listed('schedule', input.scheduleType), listed('type', input.type), input.mine ? 'created by you' : '', input.coAuthored ? 'co-authored by you' : '']
  const words = [input.q.trim() === '' ? '' : search.explain, ...filters].filter(Boolean).join(', ')
  return { ...previewOf(JOB_COLUMNS, user, limits), ok: true, rows: total, explain: words === '' ? 'every job' : `jobs: ${words}` }
}

/** For a run's progress: assets × patches of the run with the page's filters. */
export async function previewJobProgressExport(user: SessionUser, input: JobProgressSource, read: ProgressPageReader, limits: Limits): Promise<Preview> {
  const search = compileSearch('assets', input.q, user)
  if (!search.ok) return { ...previewOf(JOB_PROGRESS_COLUMNS, user, limits), ok: false, errors: search.errors.map((error) => error.message) }
  const first = await read(1, 1)
  const run = first.run ? `the run of ${formatDateTime(first.run.scheduledAt, exportTimeZone(user), { zone: true })}` : 'no run yet'
  const filters = [input.status ? `status ${input.status}` : '', input.q.trim() === '' ? '' : search.explain].filter(Boolean).join(', ')
  const rows = first.assets.total * Math.max(1, first.patchOutcomes.length)
  return { ...previewOf(JOB_PROGRESS_COLUMNS, user, limits), ok: true, rows, explain: `each asset × patch of ${first.job.name}, ${run}${filters ? ` (${filters})` : ''}` }
}
