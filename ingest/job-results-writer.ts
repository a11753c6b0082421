// Writes validated job-result documents: one row per job run and asset, the latest report winning; re-sends change nothing.
import type { Database } from '@/clickhouse/client'
import { advanceDataVersion } from '@/lib/repositories/data-version'
import type { JobResultDocument } from './schema/job-result'

export interface WriteJobResultsResult {
  accepted: number
  duplicates: number
}

const iso = (date: Date) => date.toISOString()
const resultKey = (jobId: string, runId: string, assetId: string) => JSON.stringify([jobId, runId, assetId])

/** A report is a duplicate when the same run and asset already has a report at the same time (the version). */
export async function writeJobResults(db: Database, docs: JobResultDocument[], receivedAt = new Date()): Promise<WriteJobResultsResult> {
  if (docs.length === 0) return { accepted: 0, duplicates: 0 }
  const stored = await db.query<{ job_id: string; run_id: string; asset_id: string; version: number }>(
    `SELECT job_id, run_id, asset_id, version FROM job_results FINAL
     WHERE run_id IN {runs:Array(String)} AND asset_id IN {assets:Array(String)}`,
    { runs: [...new Set(docs.map((doc) => doc.runId))], assets: [...new Set(docs.map((doc) => doc.assetId))] },
  )
  const known = new Set(stored.map((row) => `${resultKey(row.job_id, row.run_id, row.asset_id)}@${Number(row.version)}`))
  const rows = []
  let duplicates = 0
  for (const doc of docs) {
    const version = doc.reportedAt.getTime()
    const identity = `${resultKey(doc.jobId, doc.runId, doc.assetId)}@${version}`
    if (known.has(identity)) {
      duplicates++
      continue
    }
    known.add(identity)
    rows.push({
      job_id: doc.jobId,
      run_id: doc.runId,
      asset_id: doc.assetId,
      status: doc.status,
      started_at: doc.startedAt ? iso(doc.startedAt) : null,
      finished_at: doc.finishedAt ? iso(doc.finishedAt) : null,
      reported_at: iso(doc.reportedAt),
      message: doc.message,
      patch_ids: doc.patches.map((patch) => patch.id),
      patch_statuses: doc.patches.map((patch) => patch.status),
      patch_messages: doc.patches.map((patch) => patch.message),
      received_at: iso(receivedAt),
      version,
    })
  }
  await db.insert('job_results', rows)
  if (rows.length > 0) await advanceDataVersion(db)
  return { accepted: rows.length, duplicates }
}
