// Runs every widget branch of a dashboard render as ONE statement (UNION ALL, one row shape), so a render costs one round
// trip; and the data freshness a dashboard shows.
import type { Database } from '@/clickhouse/client'
import type { QqlScope } from '@/lib/qql'
import { assetScopeFilter } from './scope'

/** A widget branch: a SELECT of columns s, k1, k2, v whose parameter names are unique across the whole render. */
export interface WidgetBranch {
  sql: string
  params: Record<string, unknown>
}

export interface WidgetBranchRow {
  /** Index of the branch in the list passed in. */
  b: number
  s: number
  k1: string
  k2: string
  v: (number | null)[]
}

/**
 * The branches' rows, tagged with their branch index. The engine runs UNION ALL branches in parallel, and one
 * statement is one parameterised query — the embedded engine runs those one at a time process-wide.
 */
export async function queryWidgetBranches(db: Database, branches: readonly WidgetBranch[]): Promise<WidgetBranchRow[]> {
  if (branches.length === 0) return []
  const sql = branches.map((branch, index) => `SELECT toUInt32(${index}) AS b, s, k1, k2, v FROM (${branch.sql})`).join(' UNION ALL ')
  const params = Object.assign({}, ...branches.map((branch) => branch.params)) as Record<string, unknown>
  const rows = await db.query<WidgetBranchRow>(sql, params)
  return rows.map((row) => ({ ...row, b: Number(row.b), s: Number(row.s) }))
}

/** Data freshness for a dashboard header: the newest scan time of the assets in the viewer's scope (null: none). */
export async function newestScanTime(db: Database, scope: QqlScope): Promise<string | null> {
  const filter = assetScopeFilter(scope)
  const [row] = await db.query<{ newest: string | null; assets: number }>(
    `SELECT max(a.last_scan_at) AS newest, toUInt32(count()) AS assets FROM assets AS a FINAL WHERE ${filter.where}`,
    filter.params,
  )
  return row === undefined || Number(row.assets) === 0 ? null : row.newest
}
