// Export jobs of the service-backed lists (Jobs, a job run's progress): the screen's parameters are checked and stored when
// the job is queued, and re-validated with the same schemas and written as the job's user (their scope now) when it runs.
import type { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import { getDatabase } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { DomainError, invalid } from '@/lib/errors'
import type { ExportJobRecord } from '@/lib/repositories/export-jobs'
import {
  describeProgress,
  jobProgressPreviewQuery,
  jobsPreviewQuery,
  jobsSourceParams,
  prepareJobProgressExport,
  prepareJobsExport,
  progressReader,
  type PreparedTableExport,
} from './job-exports'
import { JobRefusal, type JobExporter } from './jobs'
import type { ExportFormat } from './query'

export const TABLE_EXPORT_ENTITIES = ['jobs', 'jobProgress'] as const
export type TableExportEntity = (typeof TABLE_EXPORT_ENTITIES)[number]

export const isTableExportEntity = (entity: string): entity is TableExportEntity => (TABLE_EXPORT_ENTITIES as readonly string[]).includes(entity)

/** What a queued export job of a service-backed list stores, and its file's rows. */
export interface TableExportSource {
  /** JSON of the validated parameters, as query-string values (the export_jobs source_options column). */
  sourceOptions: string
  /** The audit entry's query (the list's QQL, or the job, run and filters of the progress page) and its token version. */
  query: string
  version: number
  title: string
  columns: string[]
  prepared: PreparedTableExport
}

interface FileChoice {
  format: ExportFormat
  columns: readonly string[]
  bom: boolean
}

const issuesOf = (error: z.ZodError) => `${error.issues.map((issue) => `${String(issue.path[0] ?? 'options')}: ${issue.message}`).join('; ')}.`

/** Validates the parameters of the source (a 400 naming each bad one) and prepares the file; the caller states the row limit. */
export async function tableExportSource(db: Database, user: SessionUser, entity: TableExportEntity, params: unknown, file: FileChoice): Promise<TableExportSource> {
  const fileInput = { format: file.format, columns: file.columns.length > 0 ? file.columns.join(',') : undefined, bom: file.bom }
  if (entity === 'jobs') {
    const parsed = jobsPreviewQuery.safeParse(params)
    if (!parsed.success) throw invalid('INVALID_EXPORT_OPTIONS', `The Jobs list's parameters are not valid: ${issuesOf(parsed.error)}`)
    const prepared = await prepareJobsExport(db, user, { ...parsed.data, ...fileInput }, Infinity)
    return { sourceOptions: JSON.stringify(jobsSourceParams(parsed.data)), query: parsed.data.q, version: parsed.data.v, title: 'Jobs', columns: prepared.columns, prepared }
  }
  const parsed = jobProgressPreviewQuery.safeParse(params)
  if (!parsed.success) throw invalid('INVALID_EXPORT_OPTIONS', `The job progress parameters are not valid: ${issuesOf(parsed.error)}`)
  const prepared = await prepareJobProgressExport(user, { ...parsed.data, ...fileInput }, progressReader(db, user, parsed.data), Infinity)
  // The run read now is the one exported later, even when a newer run starts meanwhile (the screen showed this one).
  const options = { ...parsed.data, runId: parsed.data.runId || prepared.runId || undefined }
  return { sourceOptions: JSON.stringify(options), query: describeProgress(options), version: 0, title: `Job progress: ${prepared.jobName}`, columns: prepared.columns, prepared }
}

/** A stored job's source again, or a refusal in words when its options no longer validate or the user may not read it now. */
async function storedSource(job: ExportJobRecord, user: SessionUser): Promise<PreparedTableExport> {
  if (!isTableExportEntity(job.entity)) throw new JobRefusal(`This export's list (${job.entity}) cannot be exported in the background.`)
  let params: unknown
  try {
    params = JSON.parse(job.sourceOptions)
  } catch {
    throw new JobRefusal('The saved options of this export cannot be read. Export again from the list.')
  }
  try {
    return (await tableExportSource(await getDatabase(), user, job.entity, params, { format: job.format, columns: job.columns, bom: job.csvBom })).prepared
  } catch (error) {
    if (error instanceof DomainError) throw new JobRefusal(`This export cannot run: ${error.message}${error.code === 'INVALID_EXPORT_OPTIONS' ? ' Export again from the list.' : ''}`)
    throw error
  }
}

/** The runner's exporter for `jobs` and `jobProgress` jobs: counted and written through the screens' services. */
export const tableJobExporter: JobExporter = {
  async count(job, user) {
    return (await storedSource(job, user)).rows
  },
  async write(job, user, sink, onProgress, signal) {
    return (await storedSource(job, user)).write(sink, signal, onProgress)
  },
}
