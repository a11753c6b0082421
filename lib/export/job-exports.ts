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
import { fetchJobPage, jobListQuery } from '@/lib/services/jobs'
import { compileSearch } from '@/lib/services/search'
import { headerFor } from './columns'
import { JOB_COLUMNS, JOB_PROGRESS_COLUMNS, pickColumns, progressRows, type ProgressRow } from './job-columns'
import { readExportLimits } from './jobs-config'
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
/** GET /api/v1/export/job-progress: the progress page's run, status filter and QQL asset query. */
export const jobProgressPreviewQuery = z.object({
  job: z.string().trim().min(1, 'job is the job id').max(256),
  runId: z.string().trim().max(256).optional(),
  status: z.string().trim().max(64).optional(),
  q: z.string().max(10_000).default(''),
})
export const jobProgressExportQuery = jobProgressPreviewQuery.extend(fileOptions)

/** Reads one page of a run's progress as the page does (H2's service, the caller's authorization). */
export type ProgressPageReader = (page: number, pageSize: number) => Promise<JobProgressView>

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

function withinLimit(rows: number): void {
  const { maxRows } = readExportLimits()
  if (rows > maxRows) throw invalid('EXPORT_TOO_LARGE', `This export has ${rows.toLocaleString('en')} rows; at most ${maxRows.toLocaleString('en')} can be exported (PATCHBOARD_EXPORT_MAX_ROWS). Narrow it.`, { rows, maxRows })
}

export interface PreparedTableExport {
  columns: string[]
  rows: number
  write: (sink: Writable, signal?: AbortSignal) => Promise<ExportResult>
}

/** Checks query, columns and the row limit (400s before any byte), then writes the jobs as the list shows them. */
export async function prepareJobsExport(db: Database, user: SessionUser, input: z.infer<typeof jobsExportQuery>): Promise<PreparedTableExport> {
  const { format, columns: ids, bom, ...list } = input
  const columns = pickColumns(JOB_COLUMNS, columnList(ids), 'jobs')
  const first = await fetchJobPage(db, user, { ...list, page: 1, pageSize: 1 })
  withinLimit(first.total)
  const zone = exportTimeZone(user)
  const spec = { format: format as ExportFormat, columns, headers: headers(columns, zone), timeZone: zone, bom, sheetName: 'Jobs' }
  return { columns: columns.map((c) => c.id), rows: first.total, write: (sink, signal) => writeTable(spec, jobPages(db, user, list), sink, signal) }
}

/** The same for a run's progress: one row per asset × patch of the run, in the page's asset order. */
export async function prepareJobProgressExport(user: SessionUser, input: z.infer<typeof jobProgressExportQuery>, read: ProgressPageReader): Promise<PreparedTableExport> {
  const columns = pickColumns(JOB_PROGRESS_COLUMNS, columnList(input.columns), 'job progress')
  const first = await read(1, 1)
  const rows = first.assets.total * Math.max(1, first.patchOutcomes.length)
  withinLimit(rows)
  const zone = exportTimeZone(user)
  const spec = { format: input.format as ExportFormat, columns, headers: headers(columns, zone), timeZone: zone, bom: input.bom, sheetName: 'Job progress' }
  return { columns: columns.map((c) => c.id), rows, write: (sink, signal) => writeTable(spec, progressPages(read), sink, signal) }
}

type Preview = { columns: { id: string; header: string; default: boolean }[]; directMaxRows: number; maxRows: number } & ({ ok: true; rows: number; explain: string } | { ok: false; errors: string[] })

function previewOf<Row>(all: readonly TableColumn<Row>[], user: SessionUser): Pick<Preview, 'columns' | 'directMaxRows' | 'maxRows'> {
  const { maxRows } = readExportLimits()
  const zone = exportTimeZone(user)
  // Read page by page from the services, these files stream any size directly: no background job.
  return { columns: all.map((column) => ({ id: column.id, header: headerFor(column, zone), default: column.default })), directMaxRows: maxRows, maxRows }
}

/** What the Export dialog shows for the Jobs list: the query in words, the row count, the columns. */
export async function previewJobsExport(db: Database, user: SessionUser, input: z.infer<typeof jobsPreviewQuery>): Promise<Preview> {
  const search = compileSearch('jobs', input.q, user, input.v)
  if (!search.ok) return { ...previewOf(JOB_COLUMNS, user), ok: false, errors: search.errors.map((error) => error.message) }
  const { total } = await fetchJobPage(db, user, { ...input, page: 1, pageSize: 1 })
  const filters = [input.status.length > 0 ? `status ${input.status.join(' or ')}` : '', input.type.length > 0 ? `type ${input.type.join(' or ')}` : '', input.mine ? 'owned by you' : '', input.coAuthored ? 'co-authored by you' : '']
  const words = [input.q.trim() === '' ? '' : search.explain, ...filters].filter(Boolean).join(', ')
  return { ...previewOf(JOB_COLUMNS, user), ok: true, rows: total, explain: words === '' ? 'every job' : `jobs: ${words}` }
}

/** For a run's progress: assets × patches of the run with the page's filters. */
export async function previewJobProgressExport(user: SessionUser, input: z.infer<typeof jobProgressPreviewQuery>, read: ProgressPageReader): Promise<Preview> {
  const search = compileSearch('assets', input.q, user)
  if (!search.ok) return { ...previewOf(JOB_PROGRESS_COLUMNS, user), ok: false, errors: search.errors.map((error) => error.message) }
  const first = await read(1, 1)
  const run = first.run ? `the run of ${formatDateTime(first.run.scheduledAt, exportTimeZone(user), { zone: true })}` : 'no run yet'
  const filters = [input.status ? `status ${input.status}` : '', input.q.trim() === '' ? '' : search.explain].filter(Boolean).join(', ')
  const rows = first.assets.total * Math.max(1, first.patchOutcomes.length)
  return { ...previewOf(JOB_PROGRESS_COLUMNS, user), ok: true, rows, explain: `each asset × patch of ${first.job.name}, ${run}${filters ? ` (${filters})` : ''}` }
}
