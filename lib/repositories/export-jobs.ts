// Export jobs in ClickHouse: one typed function per query; every change is a new row version (ReplacingMergeTree, read FINAL).
import type { Database } from '@/clickhouse/client'
import { nextRowVersion } from './versioning'

export const EXPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'canceled', 'expired'] as const
export type ExportJobStatus = (typeof EXPORT_JOB_STATUSES)[number]

export interface ExportJobRecord {
  id: string
  userId: string
  userEmail: string
  entity: string
  format: 'csv' | 'xlsx'
  csvBom: boolean
  query: string
  tokenVersion: number
  columns: string[]
  /** The list's sort key ('' for the entity's default) and direction. */
  sort: string
  dir: 'asc' | 'desc' | ''
  /** A service-backed export (jobs, job progress): the JSON of the screen's validated parameters; '' otherwise. */
  sourceOptions: string
  /** What My exports calls it ("Job progress: Weekly browsers"); '' = the entity's name. */
  title: string
  status: ExportJobStatus
  rowsWritten: number
  rowsTotal: number
  bytes: number
  sheets: number
  /** Absolute path of the finished (or partial) file; '' before it is written and after it is deleted. */
  filePath: string
  /** The name the download is offered under. */
  fileName: string
  /** Why it failed, or what cancel / expiry did, in words; '' otherwise. */
  error: string
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  expiresAt: string | null
  version: number
}

const COLUMNS = `job_id AS id, user_id AS userId, user_email AS userEmail, entity, format, csv_bom AS csvBom, query,
  token_version AS tokenVersion, columns, sort, dir, source_options AS sourceOptions, title, status, rows_written AS rowsWritten, rows_total AS rowsTotal, bytes,
  sheets, file_path AS filePath, file_name AS fileName, error, created_at AS createdAt, started_at AS startedAt,
  finished_at AS finishedAt, expires_at AS expiresAt, version`

function toRow(job: ExportJobRecord) {
  return {
    job_id: job.id,
    user_id: job.userId,
    user_email: job.userEmail,
    entity: job.entity,
    format: job.format,
    csv_bom: job.csvBom,
    query: job.query,
    token_version: job.tokenVersion,
    columns: job.columns,
    sort: job.sort,
    dir: job.dir,
    source_options: job.sourceOptions,
    title: job.title,
    status: job.status,
    rows_written: job.rowsWritten,
    rows_total: job.rowsTotal,
    bytes: job.bytes,
    sheets: job.sheets,
    file_path: job.filePath,
    file_name: job.fileName,
    error: job.error,
    created_at: job.createdAt,
    started_at: job.startedAt,
    finished_at: job.finishedAt,
    expires_at: job.expiresAt,
    version: job.version,
  }
}

function fromRow(row: ExportJobRecord): ExportJobRecord {
  return {
    ...row,
    csvBom: Boolean(row.csvBom),
    tokenVersion: Number(row.tokenVersion),
    rowsWritten: Number(row.rowsWritten),
    rowsTotal: Number(row.rowsTotal),
    bytes: Number(row.bytes),
    sheets: Number(row.sheets),
    version: Number(row.version),
  }
}

/** Writes a job's new state (create or change) as the next row version; returns what was written. */
export async function writeExportJob(db: Database, job: ExportJobRecord): Promise<ExportJobRecord> {
  const written = { ...job, version: nextRowVersion(job.version) }
  await db.insert('export_jobs', [toRow(written)])
  return written
}

export async function findExportJob(db: Database, id: string): Promise<ExportJobRecord | null> {
  const rows = await db.query<ExportJobRecord>(`SELECT ${COLUMNS} FROM export_jobs FINAL WHERE job_id = {id:String}`, { id })
  return rows[0] ? fromRow(rows[0]) : null
}

/** A user's export jobs, newest first (at most `limit`). */
export async function listExportJobsOfUser(db: Database, userId: string, limit = 200): Promise<ExportJobRecord[]> {
  const rows = await db.query<ExportJobRecord>(
    `SELECT ${COLUMNS} FROM export_jobs FINAL WHERE user_id = {userId:String} ORDER BY created_at DESC, job_id LIMIT {limit:UInt32}`,
    { userId, limit },
  )
  return rows.map(fromRow)
}

/** Every job in some of the statuses, oldest first (the runner's queue, restart recovery). */
export async function listExportJobsByStatus(db: Database, statuses: readonly ExportJobStatus[]): Promise<ExportJobRecord[]> {
  const rows = await db.query<ExportJobRecord>(
    `SELECT ${COLUMNS} FROM export_jobs FINAL WHERE status IN {statuses:Array(String)} ORDER BY created_at, job_id`,
    { statuses },
  )
  return rows.map(fromRow)
}

/** Finished jobs whose expiry time has passed and that are not yet marked expired. */
export async function listExpiredExportJobs(db: Database, now: Date): Promise<ExportJobRecord[]> {
  const rows = await db.query<ExportJobRecord>(
    `SELECT ${COLUMNS} FROM export_jobs FINAL
     WHERE status IN ('done', 'failed', 'canceled') AND expires_at IS NOT NULL AND expires_at <= fromUnixTimestamp64Milli({nowMs:Int64}, 'UTC')
     ORDER BY job_id`,
    { nowMs: now.getTime() },
  )
  return rows.map(fromRow)
}
