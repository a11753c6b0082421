// Asset list queries (inventory with current missing/installed counts), always within the user's tag scope.
import type { Database } from '@/clickhouse/client'
import { pageParams, type ListPage, type SqlFilter } from './paging'

export const ASSET_SORTS = {
  name: 'a.name',
  operatingSystem: 'a.operating_system',
  missing: 'a.missing_count',
  missingCritical: 'a.missing_critical_count',
  installed: 'a.installed_count',
  lastScan: 'a.last_scan_at',
} as const
export type AssetSort = keyof typeof ASSET_SORTS
export const ASSET_SORT_KEYS = Object.keys(ASSET_SORTS) as [AssetSort, ...AssetSort[]]

export interface AssetListRow {
  id: string
  name: string
  operatingSystem: string
  osFamily: string
  tags: string[]
  lastScanAt: string
  missingCount: number
  installedCount: number
  missingCriticalCount: number
}

export interface AssetListRequest {
  filter: SqlFilter
  sort: AssetSort
  dir: 'asc' | 'desc'
  page: number
  pageSize: number
}

export async function listAssets(db: Database, request: AssetListRequest): Promise<ListPage<AssetListRow>> {
  const { filter } = request
  const order = `${ASSET_SORTS[request.sort]} ${request.dir === 'asc' ? 'ASC' : 'DESC'}, a.asset_id ASC`
  const [rows, [count]] = await Promise.all([
    db.query<AssetListRow>(
      `SELECT a.asset_id AS id, a.name AS name, a.operating_system AS operatingSystem, a.os_family AS osFamily, a.tags AS tags,
              a.last_scan_at AS lastScanAt, a.missing_count AS missingCount, a.installed_count AS installedCount,
              a.missing_critical_count AS missingCriticalCount
       FROM assets AS a FINAL
       WHERE ${filter.where}
       ORDER BY ${order}
       LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
      { ...filter.params, ...pageParams(request.page, request.pageSize) },
    ),
    db.query<{ total: number }>(`SELECT toUInt32(count()) AS total FROM assets AS a FINAL WHERE ${filter.where}`, filter.params),
  ])
  return { total: Number(count?.total ?? 0), rows }
}
