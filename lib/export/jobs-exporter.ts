// Export jobs on the core export (lib/export/run.ts, the column registry), or on the screens' services for Jobs and job
// progress (jobs-table-exporter.ts): count a job's rows and write its file.
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { getDatabase } from '@/clickhouse/client'
import type { JobExporter } from './jobs'
import { DEFAULT_COLUMNS, exportColumns, headerFor, type ExportEntity } from './columns'
import { isTableExportEntity, tableJobExporter } from './jobs-table-exporter'
import { countExportRows, runExport } from './run'

export interface ExportSpec {
  entity: ExportEntity
  query: string
  version: number
}

/** The columns of an entity as the dialog offers them: id, readable header (dates name the user's zone), whether it is a default. */
export function exportColumnsFor(entity: ExportEntity, timeZone: string): { id: string; header: string; default: boolean }[] {
  return exportColumns(entity).map((column) => ({ id: column.id, header: headerFor(column, timeZone), default: DEFAULT_COLUMNS[entity].includes(column.id) }))
}

export function countRowsFor(db: Database, user: SessionUser, spec: ExportSpec): Promise<number> {
  return countExportRows({ db, user, entity: spec.entity, query: spec.query, version: spec.version })
}

const coreJobExporter: JobExporter = {
  async count(job, user) {
    return countRowsFor(await getDatabase(), user, { entity: job.entity as ExportEntity, query: job.query, version: job.tokenVersion })
  },
  async write(job, user, sink, onProgress, signal) {
    const sort = job.sort ? { key: job.sort, dir: job.dir || 'asc' } : undefined
    return runExport(
      { db: await getDatabase(), user, entity: job.entity as ExportEntity, format: job.format, query: job.query, version: job.tokenVersion, columns: job.columns, sort, bom: job.csvBom },
      sink,
      onProgress,
      signal,
    )
  },
}

/** The runner's exporter: by the job's entity, the core export or the service-backed one. */
export const jobExporter: JobExporter = {
  count: (job, user) => (isTableExportEntity(job.entity) ? tableJobExporter : coreJobExporter).count(job, user),
  write: (job, user, sink, onProgress, signal) => (isTableExportEntity(job.entity) ? tableJobExporter : coreJobExporter).write(job, user, sink, onProgress, signal),
}
