// Patch catalog list queries, with missing/installed counts over the user's in-scope assets only.
import type { Database } from '@/clickhouse/client'
import type { QqlScope } from '@/lib/qql'
import { pageParams, type ListPage, type ListSource, type SqlFilter } from './paging'
import { assetScopeFilter } from './scope'

export const PATCH_SORTS = {
  title: 'p.title',
  vendorSeverity: "indexOf(['Critical','Important','Moderate','Low','None'], p.vendor_severity)",
  vendor: 'p.vendor',
  kb: 'p.kb',
  published: 'p.published_at',
  missing: 'toUInt32(ifNull(c.missing, 0))',
  installed: 'toUInt32(ifNull(c.installed, 0))',
} as const
export type PatchSort = keyof typeof PATCH_SORTS
export const PATCH_SORT_KEYS = Object.keys(PATCH_SORTS) as [PatchSort, ...PatchSort[]]

export interface PatchListRow {
  id: string
  title: string
  vendorSeverity: string
  vendor: string
  kb: string
  category: string
  isSuperseded: boolean
  publishedAt: string
  missingCount: number
  installedCount: number
}

export interface PatchListRequest {
  /** Condition on the catalog (alias `p`). */
  filter: SqlFilter
  sort: PatchSort
  dir: 'asc' | 'desc'
  page: number
  pageSize: number
}

/**
 * The rows of the Patches list in its order: the catalog (not tag-scoped) with its counts `c.missing` / `c.installed`
 * over the assets of `scope` only. What a page and an export read.
 */
export function patchListSource(scope: QqlScope, request: Pick<PatchListRequest, 'filter' | 'sort' | 'dir'>): ListSource {
  const assetScope = assetScopeFilter(scope)
  const direction = request.dir === 'asc' ? 'ASC' : 'DESC'
  const from = `patches AS p FINAL
       LEFT JOIN (
         SELECT f.patch_id AS patch_id, countIf(f.status = 'Missing') AS missing, countIf(f.status = 'Installed') AS installed
         FROM findings AS f FINAL
         WHERE f.is_deleted = 0 AND f.asset_id IN (SELECT a.asset_id FROM assets AS a FINAL WHERE ${assetScope.where})
         GROUP BY f.patch_id
       ) AS c ON c.patch_id = p.patch_id`
  return {
    from,
    filter: { where: request.filter.where, params: { ...request.filter.params, ...assetScope.params } },
    orderBy: `${PATCH_SORTS[request.sort]} ${direction}, p.patch_id ASC`,
  }
}

/** The catalog is not tag-scoped; its counts are: only the assets of `scope` count. */
export async function listPatches(db: Database, scope: QqlScope, request: PatchListRequest): Promise<ListPage<PatchListRow>> {
  const { from, filter, orderBy } = patchListSource(scope, request)
  const [rows, [count]] = await Promise.all([
    db.query<PatchListRow>(
      `SELECT p.patch_id AS id, p.title AS title, p.vendor_severity AS vendorSeverity, p.vendor AS vendor, p.kb AS kb,
              p.category AS category, p.is_superseded AS isSuperseded, p.published_at AS publishedAt,
              toUInt32(ifNull(c.missing, 0)) AS missingCount, toUInt32(ifNull(c.installed, 0)) AS installedCount
       FROM ${from}
       WHERE ${filter.where}
       ORDER BY ${orderBy}
       LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
      { ...filter.params, ...pageParams(request.page, request.pageSize) },
    ),
    db.query<{ total: number }>(`SELECT toUInt32(count()) AS total FROM patches AS p FINAL WHERE ${request.filter.where}`, request.filter.params),
  ])
  return { total: Number(count?.total ?? 0), rows }
}

export interface PatchDetail {
  id: string
  title: string
  vendor: string
  products: string[]
  appFamily: string
  kb: string
  qids: number[]
  cves: string[]
  bulletin: string
  category: string
  vendorSeverity: string
  isSecurity: boolean
  isSuperseded: boolean
  supersededBy: string[]
  supersedes: string[]
  rebootRequired: boolean
  downloadMethod: string
  architecture: string
  publishedAt: string
  modifiedAt: string
}

/** One catalog entry (the catalog is not tag-scoped; counts shown beside it are). */
export async function findPatch(db: Database, id: string): Promise<PatchDetail | null> {
  const rows = await db.query<PatchDetail>(
    `SELECT patch_id AS id, title, vendor, products, app_family AS appFamily, kb, qids, cves, bulletin, category,
            vendor_severity AS vendorSeverity, is_security AS isSecurity, is_superseded AS isSuperseded,
            superseded_by AS supersededBy, supersedes, reboot_required AS rebootRequired, download_method AS downloadMethod,
            architecture, published_at AS publishedAt, modified_at AS modifiedAt
     FROM patches FINAL WHERE patch_id = {id:String} LIMIT 1`,
    { id },
  )
  return rows[0] ?? null
}
