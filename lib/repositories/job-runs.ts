// Job runs as stored: the run row, its per-asset server statuses, each asset's effective status (latest agent report) and the agent's pick-up list.
import type { Database } from '@/clickhouse/client'
import { FAILED_RUN_STATUSES, FINISHED_RUN_STATUSES, type RunAssetStatus } from '@/lib/schemas/job-runs'
import type { DocumentIssue } from '@/ingest/schema/issues'
import { isoTime } from './job-rows'

export type RunTrigger = 'schedule' | 'manual' | 'enable'

export interface StoredRun {
  runId: string
  jobId: string
  jobName: string
  jobType: string
  ownerId: string
  trigger: RunTrigger
  scheduledAt: string
  windowEndsAt: string
  patchIds: string[]
  /** JSON: the job options plus downloadRandomizationMinutes and opportunisticDownload. */
  options: string
  assetCount: number
  createdAt: string
}

export interface RunAssetRow {
  assetId: string
  status: RunAssetStatus
  /** When the asset's part is due and its window closes, when they differ from the run's (an agent-zone job). */
  dueAt?: string
  windowEndsAt?: string
}

interface RunRow {
  run_id: string
  job_id: string
  job_name: string
  job_type: string
  owner_id: string
  trigger: string
  scheduled_at: string
  window_ends_at: string
  patch_ids: string[]
  options: string
  asset_count: number
  created_at: string
}

const RUN_COLUMNS = 'run_id, job_id, job_name, job_type, owner_id, trigger, scheduled_at, window_ends_at, patch_ids, options, asset_count, created_at'

function fromRow(row: RunRow): StoredRun {
  return {
    runId: row.run_id,
    jobId: row.job_id,
    jobName: row.job_name,
    jobType: row.job_type,
    ownerId: row.owner_id,
    trigger: row.trigger as RunTrigger,
    scheduledAt: isoTime(row.scheduled_at),
    windowEndsAt: isoTime(row.window_ends_at),
    patchIds: row.patch_ids,
    options: row.options,
    assetCount: Number(row.asset_count),
    createdAt: isoTime(row.created_at),
  }
}

/**
 * Each run asset's status as the progress reads it: the agent's latest report for an assigned asset, else the server's
 * status (Assigned, Skipped: …). A subquery over `job_run_assets AS ra FINAL` with `effective` per row (and the asset's
 * own `due_at` / `asset_window_ends_at`, NULL when the run's apply); `runIds` is the
 * SQL set of runs it reads (e.g. `({runId:String})` or a subquery in parentheses), `assetIds` optionally a set of assets.
 */
export function effectiveStatusSource(runIds: string, assetIds?: string): string {
  const assets = assetIds ? ` AND asset_id IN ${assetIds}` : ''
  return `(SELECT ra.job_id AS job_id, ra.run_id AS run_id, ra.asset_id AS asset_id, ra.status AS server_status,
            ra.due_at AS due_at, ra.window_ends_at AS asset_window_ends_at,
            if(ra.status = 'Assigned' AND res.status != '', res.status, ra.status) AS effective,
            if(ra.status = 'Assigned', res.message, '') AS message, if(ra.status = 'Assigned', res.reported_at, NULL) AS reported_at,
            if(ra.status = 'Assigned', res.patch_ids, []) AS patch_ids, if(ra.status = 'Assigned', res.patch_statuses, []) AS patch_statuses,
            if(ra.status = 'Assigned', res.patch_messages, []) AS patch_messages
     FROM job_run_assets AS ra FINAL
     LEFT JOIN (SELECT run_id, asset_id, argMax(status, version) AS status, argMax(message, version) AS message,
                       toNullable(max(reported_at)) AS reported_at, argMax(patch_ids, version) AS patch_ids,
                       argMax(patch_statuses, version) AS patch_statuses, argMax(patch_messages, version) AS patch_messages
                FROM job_results WHERE run_id IN ${runIds}${assets} GROUP BY run_id, asset_id) AS res
       ON res.run_id = ra.run_id AND res.asset_id = ra.asset_id
     WHERE ra.run_id IN ${runIds}${assets.replace('asset_id', 'ra.asset_id')})`
}

const FINISHED_PARAM = { finishedStatuses: [...FINISHED_RUN_STATUSES], failedStatuses: [...FAILED_RUN_STATUSES] }

export async function loadRun(db: Database, runId: string): Promise<StoredRun | null> {
  const rows = await db.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM job_runs FINAL WHERE run_id = {runId:String} LIMIT 1`, { runId })
  return rows[0] ? fromRow(rows[0]) : null
}

/** A job's runs, newest first (at most `limit`). */
export async function listJobRuns(db: Database, jobId: string, limit = 100): Promise<StoredRun[]> {
  const rows = await db.query<RunRow>(
    `SELECT ${RUN_COLUMNS} FROM job_runs FINAL WHERE job_id = {jobId:String} ORDER BY scheduled_at DESC, run_id DESC LIMIT {limit:UInt32}`,
    { jobId, limit },
  )
  return rows.map(fromRow)
}

/**
 * Writes a run and its assets. Rows are keyed by run id (and asset): writing the same run again replaces, never adds.
 * The asset rows go first, so a run row is only ever visible with its assets.
 */
export async function insertRun(db: Database, run: StoredRun, assets: RunAssetRow[]): Promise<void> {
  const version = new Date(run.scheduledAt).getTime()
  if (assets.length > 0) {
    await db.insert(
      'job_run_assets',
      assets.map((asset) => ({
        run_id: run.runId, job_id: run.jobId, asset_id: asset.assetId, status: asset.status, due_at: asset.dueAt ?? null,
        window_ends_at: asset.windowEndsAt ?? null, created_at: run.createdAt, version,
      })),
    )
  }
  await db.insert('job_runs', [
    {
      run_id: run.runId,
      job_id: run.jobId,
      job_name: run.jobName,
      job_type: run.jobType,
      owner_id: run.ownerId,
      trigger: run.trigger,
      scheduled_at: run.scheduledAt,
      window_ends_at: run.windowEndsAt,
      patch_ids: run.patchIds,
      options: run.options,
      asset_count: run.assetCount,
      created_at: run.createdAt,
      version,
    },
  ])
}

export interface RunProgress {
  runId: string
  done: number
  total: number
  failed: number
}

/** Each job's latest run (by scheduled time) with its finished, total and failed asset counts, in one query. */
export async function latestRunProgress(db: Database, jobIds: string[]): Promise<Map<string, RunProgress>> {
  if (jobIds.length === 0) return new Map()
  const latest = `SELECT job_id, argMax(run_id, (scheduled_at, run_id)) AS run_id FROM job_runs FINAL WHERE has({jobIds:Array(String)}, job_id) GROUP BY job_id`
  const rows = await db.query<{ job_id: string; run_id: string; total: number; done: number; failed: number }>(
    `SELECT l.job_id AS job_id, l.run_id AS run_id, toUInt32(countIf(s.asset_id != '')) AS total,
            toUInt32(countIf(s.asset_id != '' AND has({finishedStatuses:Array(String)}, s.effective))) AS done,
            toUInt32(countIf(s.asset_id != '' AND has({failedStatuses:Array(String)}, s.effective))) AS failed
     FROM (${latest}) AS l
     LEFT JOIN ${effectiveStatusSource(`(SELECT run_id FROM (${latest}))`)} AS s ON s.run_id = l.run_id
     GROUP BY l.job_id, l.run_id`,
    { jobIds, ...FINISHED_PARAM },
  )
  return new Map(rows.map((row) => [row.job_id, { runId: row.run_id, total: Number(row.total), done: Number(row.done), failed: Number(row.failed) }]))
}

/** Whether an asset exists and carries every one of `requiredTags` (an activation key's tags). */
export async function agentAssetExists(db: Database, assetId: string, requiredTags: readonly string[]): Promise<boolean> {
  const rows = await db.query<{ found: number }>(
    'SELECT 1 AS found FROM assets FINAL WHERE asset_id = {assetId:String} AND hasAll(tags, {tags:Array(String)}) LIMIT 1',
    { assetId, tags: [...requiredTags] },
  )
  return rows.length > 0
}

/** The asset's own due time and window end in agentRunsFor (`s`: its effectiveStatusSource row), else the run's (`r`). */
const ASSET_OWN: Record<string, string> = {
  scheduled_at: 'ifNull(s.due_at, r.scheduled_at)',
  window_ends_at: 'ifNull(s.asset_window_ends_at, r.window_ends_at)',
}

/** Each asset's reported IANA time zone ('' when never reported), for the given assets. */
export async function assetTimeZones(db: Database, assetIds: string[]): Promise<Map<string, string>> {
  if (assetIds.length === 0) return new Map()
  const rows = await db.query<{ asset_id: string; time_zone: string }>(
    'SELECT asset_id, time_zone FROM assets FINAL WHERE asset_id IN {assetIds:Array(String)}',
    { assetIds },
  )
  return new Map(rows.map((row) => [row.asset_id, row.time_zone]))
}

export interface AgentRunRow extends StoredRun {
  /** The asset's latest reported status in the run; 'Assigned' before its first report. */
  status: string
}

/**
 * The runs an asset should work on at `now`: assigned to it (not skipped), due on it, its window still open, the asset's
 * part not finished, and the job neither deleted nor disabled (disabling a job stops its open runs). Due time and window
 * are the asset's own (an agent-zone job runs at its wall-clock time in each asset's zone), else the run's.
 */
export async function agentRunsFor(db: Database, assetId: string, now: Date): Promise<AgentRunRow[]> {
  // Open runs first (few), so the per-asset rows are read by their key (run_id, asset_id), not by scanning every run.
  const openRuns = `(SELECT run_id FROM job_runs FINAL
     WHERE scheduled_at <= fromUnixTimestamp64Milli({nowMs:Int64}, 'UTC') AND window_ends_at > fromUnixTimestamp64Milli({nowMs:Int64}, 'UTC')
       AND job_id IN (SELECT job_id FROM jobs FINAL WHERE is_deleted = 0 AND status != 'Disabled'))`
  const rows = await db.query<RunRow & { status: string }>(
    `SELECT ${RUN_COLUMNS.split(', ').map((column) => `${ASSET_OWN[column] ?? `r.${column}`} AS ${column}`).join(', ')}, s.effective AS status
     FROM job_runs AS r FINAL
     INNER JOIN ${effectiveStatusSource(openRuns, '({assetId:String})')} AS s ON s.run_id = r.run_id
     WHERE s.server_status = 'Assigned' AND NOT has({finishedStatuses:Array(String)}, s.effective) AND r.run_id IN ${openRuns}
       AND ${ASSET_OWN.scheduled_at} <= fromUnixTimestamp64Milli({nowMs:Int64}, 'UTC') AND ${ASSET_OWN.window_ends_at} > fromUnixTimestamp64Milli({nowMs:Int64}, 'UTC')
     ORDER BY r.scheduled_at, r.run_id`,
    { assetId, nowMs: now.getTime(), ...FINISHED_PARAM },
  )
  return rows.map((row) => ({ ...fromRow(row), status: row.status }))
}

/**
 * A per-request check for agents' job results: the run exists, belongs to the job named, and assigned the asset (not
 * skipped it). One query per distinct run id of the request. Answers the issues that reject a result (none: accepted).
 */
export function runAssetAdmitter(db: Database): (doc: { jobId: string; runId: string; assetId: string }) => Promise<DocumentIssue[]> {
  const runs = new Map<string, Promise<{ jobId: string; assets: Map<string, string> } | null>>()
  const load = (runId: string) =>
    db
      .query<{ job_id: string; asset_id: string; status: string }>('SELECT job_id, asset_id, status FROM job_run_assets FINAL WHERE run_id = {runId:String}', { runId })
      .then((rows) => (rows.length === 0 ? null : { jobId: rows[0].job_id, assets: new Map(rows.map((row) => [row.asset_id, row.status])) }))
  return async ({ jobId, runId, assetId }) => {
    if (!runs.has(runId)) runs.set(runId, load(runId))
    const run = await runs.get(runId)!
    if (!run) return [{ path: 'runId', message: `there is no job run ${runId}: report results only for runs from GET /api/v1/agent/jobs` }]
    if (run.jobId !== jobId) return [{ path: 'jobId', message: `run ${runId} belongs to job ${run.jobId}, not ${jobId}` }]
    const status = run.assets.get(assetId)
    if (status === undefined) return [{ path: 'assetId', message: `run ${runId} was not assigned to asset ${assetId}` }]
    if (status !== 'Assigned') return [{ path: 'assetId', message: `run ${runId} skipped asset ${assetId} (${status}): it takes no results` }]
    return []
  }
}
