// A job run's progress over the assets a viewer may see: counts per status, per-patch outcomes and a page of assets.
import type { Database } from '@/clickhouse/client'
import type { QqlScope } from '@/lib/qql'
import type { JobResultStatus, RunAssetStatus } from '@/lib/schemas/job-runs'
import { effectiveStatusSource } from './job-runs'
import { isoTime } from './job-rows'
import { pageParams, type SqlFilter } from './paging'
import { withinScope } from './scope'

/** Which of a run's assets to read: the viewer's scope (always applied) and an assets condition (a compiled QQL query). */
export interface ProgressAssets {
  scope: QqlScope
  /** A condition over `assets AS a FINAL` (e.g. a compiled assets QQL); `{ where: '1', params: {} }` for all. */
  filter: SqlFilter
}

function assetSet(assets: ProgressAssets): SqlFilter {
  const scoped = withinScope(assets.scope, assets.filter)
  return { where: `s.asset_id IN (SELECT a.asset_id FROM assets AS a FINAL WHERE ${scoped.where})`, params: scoped.params }
}

const RUN_SOURCE = effectiveStatusSource('({runId:String})')

/** Each run of the job with the number of its assets the viewer may see, newest first. */
export async function runSummaries(db: Database, jobId: string, assets: ProgressAssets, limit = 100) {
  const set = assetSet(assets)
  const rows = await db.query<{ run_id: string; scheduled_at: string; created_at: string; assets: number }>(
    `SELECT r.run_id AS run_id, r.scheduled_at AS scheduled_at, r.created_at AS created_at, toUInt32(c.n) AS assets
     FROM job_runs AS r FINAL
     LEFT JOIN (SELECT s.run_id AS run_id, count() AS n FROM job_run_assets AS s FINAL WHERE s.job_id = {jobId:String} AND ${set.where} GROUP BY s.run_id) AS c
       ON c.run_id = r.run_id
     WHERE r.job_id = {jobId:String} ORDER BY r.scheduled_at DESC, r.run_id DESC LIMIT {limit:UInt32}`,
    { ...set.params, jobId, limit },
  )
  return rows.map((row) => ({ runId: row.run_id, scheduledAt: isoTime(row.scheduled_at), createdAt: isoTime(row.created_at), assetCount: Number(row.assets) }))
}

/** How many of the run's visible assets are at each status (the latest agent report, else the server's status). */
export async function runStatusCounts(db: Database, runId: string, assets: ProgressAssets): Promise<Map<RunAssetStatus, number>> {
  const set = assetSet(assets)
  const rows = await db.query<{ status: RunAssetStatus; n: number }>(
    `SELECT s.effective AS status, toUInt32(count()) AS n FROM ${RUN_SOURCE} AS s WHERE ${set.where} GROUP BY status`,
    { ...set.params, runId },
  )
  return new Map(rows.map((row) => [row.status, Number(row.n)]))
}

/** Per patch, how many of the run's visible assets reported each outcome (their latest report). */
export async function runPatchOutcomes(db: Database, runId: string, assets: ProgressAssets): Promise<{ patchId: string; status: JobResultStatus; n: number }[]> {
  const set = assetSet(assets)
  const rows = await db.query<{ patch_id: string; status: JobResultStatus; n: number }>(
    `SELECT patch_id, status, toUInt32(count()) AS n FROM ${RUN_SOURCE} AS s ARRAY JOIN s.patch_ids AS patch_id, s.patch_statuses AS status
     WHERE ${set.where} GROUP BY patch_id, status ORDER BY patch_id, status`,
    { ...set.params, runId },
  )
  return rows.map((row) => ({ patchId: row.patch_id, status: row.status, n: Number(row.n) }))
}

export interface ProgressAssetRow {
  assetId: string
  assetName: string
  status: RunAssetStatus
  message: string
  reportedAt: string | null
  patches: { id: string; status: JobResultStatus; message: string }[]
}

/** A page of the run's visible assets (optionally only those at `statuses`), by name. */
export async function runAssetPage(
  db: Database,
  runId: string,
  assets: ProgressAssets,
  request: { statuses: readonly string[]; page: number; pageSize: number },
): Promise<ProgressAssetRow[]> {
  const scoped = withinScope(assets.scope, assets.filter)
  const rows = await db.query<{
    asset_id: string
    name: string
    status: RunAssetStatus
    message: string
    reported_at: string | null
    patch_ids: string[]
    patch_statuses: JobResultStatus[]
    patch_messages: string[]
  }>(
    `SELECT s.asset_id AS asset_id, a.name AS name, s.effective AS status, s.message AS message, s.reported_at AS reported_at,
            s.patch_ids AS patch_ids, s.patch_statuses AS patch_statuses, s.patch_messages AS patch_messages
     FROM ${RUN_SOURCE} AS s
     INNER JOIN (SELECT a.asset_id AS asset_id, a.name AS name FROM assets AS a FINAL WHERE ${scoped.where}) AS a ON a.asset_id = s.asset_id
     WHERE (empty({statuses:Array(String)}) OR has({statuses:Array(String)}, s.effective))
     ORDER BY lowerUTF8(a.name), s.asset_id LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
    { ...scoped.params, runId, statuses: [...request.statuses], ...pageParams(request.page, request.pageSize) },
  )
  return rows.map((row) => ({
    assetId: row.asset_id,
    assetName: row.name,
    status: row.status,
    message: row.message,
    reportedAt: isoTime(row.reported_at),
    patches: row.patch_ids.map((id, index) => ({ id, status: row.patch_statuses[index], message: row.patch_messages[index] ?? '' })),
  }))
}

/** Titles of patches by id (ids not in the catalog are left out). */
export async function patchTitles(db: Database, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db.query<{ id: string; title: string }>('SELECT patch_id AS id, title FROM patches FINAL WHERE patch_id IN {ids:Array(String)}', { ids })
  return new Map(rows.map((row) => [row.id, row.title]))
}
