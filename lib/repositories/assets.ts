// Asset list queries (inventory with current missing/installed counts), always within the user's tag scope.
import type { Database } from '@/clickhouse/client'
import { ASSET_PROFILE_COLUMNS, type QqlScope } from '@/lib/qql'
import { LICENSED_ASSET_IDS_SQL } from '@/lib/qql/licensing'
import { pageParams, type ListPage, type ListSource, type SqlFilter } from './paging'
import { assetScopeFilter, withinScope } from './scope'

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
  /** The effective assessment profile (lib/qql/profiles.ts) and whether the last scan is older than its interval. */
  profileId: string
  profileName: string
  profileIntervalHours: number
  scanOverdue: boolean
  /** Whether the asset holds a licence (lib/qql/licensing.ts; every asset does without a paid subscription). */
  licensed: boolean
}

export interface AssetListRequest {
  /** Compiled over ENTITY_SOURCES.assets (alias a). */
  filter: SqlFilter
  sort: AssetSort
  dir: 'asc' | 'desc'
  page: number
  pageSize: number
}

const ASSET_ROW_COLUMNS = `a.asset_id AS id, a.name AS name, a.operating_system AS operatingSystem, a.os_family AS osFamily, a.tags AS tags,
  a.last_scan_at AS lastScanAt, a.missing_count AS missingCount, a.installed_count AS installedCount,
  a.missing_critical_count AS missingCriticalCount, ${ASSET_PROFILE_COLUMNS},
  toBool(a.asset_id IN (${LICENSED_ASSET_IDS_SQL})) AS licensed`

/** The rows of the Assets list (scope applied), in its order: what a page and an export read. */
export function assetListSource(scope: QqlScope, request: Pick<AssetListRequest, 'filter' | 'sort' | 'dir'>): ListSource {
  const orderBy = `${ASSET_SORTS[request.sort]} ${request.dir === 'asc' ? 'ASC' : 'DESC'}, a.asset_id ASC`
  return { from: 'assets AS a FINAL', filter: withinScope(scope, request.filter), orderBy }
}

/**
 * One page and the total in a single query (`count() OVER ()`): a `patch.*` semi-join then runs once per page, not
 * twice. A page past the end has no row to carry the total, so only then is it counted separately.
 */
export async function listAssets(db: Database, scope: QqlScope, request: AssetListRequest): Promise<ListPage<AssetListRow>> {
  const { from, filter, orderBy } = assetListSource(scope, request)
  const rows = await db.query<AssetListRow & { total: number }>(
    `SELECT ${ASSET_ROW_COLUMNS}, toUInt32(count() OVER ()) AS total
     FROM ${from}
     WHERE ${filter.where}
     ORDER BY ${orderBy}
     LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
    { ...filter.params, ...pageParams(request.page, request.pageSize) },
  )
  if (rows.length > 0) return { total: Number(rows[0].total), rows: rows.map(({ total: _total, ...row }) => row) }
  const [count] = await db.query<{ total: number }>(`SELECT toUInt32(count()) AS total FROM ${from} WHERE ${filter.where}`, filter.params)
  return { total: Number(count?.total ?? 0), rows: [] }
}

export interface AssetDetail extends AssetListRow {
  architecture: string
  ipAddresses: string[]
  lastLoggedOnUser: string
  activatedAt: string
  missingSecurityCount: number
  /** The IANA zone the asset's latest scan reported ('' when never). */
  timeZone: string
}

/** One asset, or null when it does not exist or lies outside `scope` (callers answer 404 either way). */
export async function findAsset(db: Database, scope: QqlScope, id: string): Promise<AssetDetail | null> {
  const inScope = assetScopeFilter(scope)
  const rows = await db.query<AssetDetail>(
    `SELECT ${ASSET_ROW_COLUMNS}, a.architecture AS architecture, a.ip_addresses AS ipAddresses,
            a.last_logged_on_user AS lastLoggedOnUser, a.activated_at AS activatedAt, a.missing_security_count AS missingSecurityCount,
            a.time_zone AS timeZone
     FROM assets AS a FINAL WHERE a.asset_id = {assetId:String} AND (${inScope.where}) LIMIT 1`,
    { assetId: id, ...inScope.params },
  )
  return rows[0] ?? null
}

/** The tags carried by assets inside `scope` (autocomplete values), sorted. */
export async function listAssetTags(db: Database, scope: QqlScope): Promise<string[]> {
  const inScope = assetScopeFilter(scope)
  const rows = await db.query<{ tag: string }>(
    `SELECT DISTINCT arrayJoin(a.tags) AS tag FROM assets AS a FINAL WHERE ${inScope.where} ORDER BY tag LIMIT 5000`,
    inScope.params,
  )
  return rows.map((row) => row.tag)
}
