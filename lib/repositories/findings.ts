// Findings (asset × patch, current status) list queries over the QQL findings source, within the user's scope.
import type { Database } from '@/clickhouse/client'
import { ENTITY_SOURCES, type QqlScope } from '@/lib/qql'
import { pageParams, type ListPage, type ListSource, type SqlFilter } from './paging'
import { withinScope } from './scope'

export const FINDING_SORTS = {
  asset: 'a.name',
  patch: 'p.title',
  vendorSeverity: "indexOf(['Critical','Important','Moderate','Low','None'], p.vendor_severity)",
  status: 'f.status',
  firstSeen: 'f.first_seen_at',
  installed: 'f.installed_at',
  published: 'p.published_at',
} as const
export type FindingSort = keyof typeof FINDING_SORTS
export const FINDING_SORT_KEYS = Object.keys(FINDING_SORTS) as [FindingSort, ...FindingSort[]]

export interface FindingListRow {
  assetId: string
  assetName: string
  operatingSystem: string
  patchId: string
  patchTitle: string
  vendorSeverity: string
  kb: string
  status: 'Missing' | 'Installed'
  firstSeenAt: string
  installedAt: string | null
}

export interface FindingListRequest {
  /** Compiled over ENTITY_SOURCES.findings (aliases f, a, p). */
  filter: SqlFilter
  /** Only the findings of one asset or of one patch (detail pages). */
  of?: { assetId: string } | { patchId: string }
  sort: FindingSort
  dir: 'asc' | 'desc'
  page: number
  pageSize: number
}

function narrowed(filter: SqlFilter, of: FindingListRequest['of']): SqlFilter {
  if (!of) return filter
  const [column, id] = 'assetId' in of ? ['f.asset_id', of.assetId] : ['f.patch_id', of.patchId]
  return { where: `(${filter.where}) AND ${column} = {findingsOf:String}`, params: { ...filter.params, findingsOf: id } }
}

/** The rows of the Findings list (scope applied), in its order: what a page and an export read. */
export function findingListSource(scope: QqlScope, request: Pick<FindingListRequest, 'filter' | 'of' | 'sort' | 'dir'>): ListSource {
  const direction = request.dir === 'asc' ? 'ASC' : 'DESC'
  return {
    from: ENTITY_SOURCES.findings,
    filter: withinScope(scope, narrowed(request.filter, request.of)),
    orderBy: `${FINDING_SORTS[request.sort]} ${direction}, f.asset_id ASC, f.patch_id ASC`,
  }
}

export async function listFindings(db: Database, scope: QqlScope, request: FindingListRequest): Promise<ListPage<FindingListRow>> {
  const { from, filter, orderBy } = findingListSource(scope, request)
  const [rows, [count]] = await Promise.all([
    db.query<FindingListRow>(
      `SELECT f.asset_id AS assetId, a.name AS assetName, a.operating_system AS operatingSystem, f.patch_id AS patchId,
              p.title AS patchTitle, p.vendor_severity AS vendorSeverity, p.kb AS kb, f.status AS status,
              f.first_seen_at AS firstSeenAt, f.installed_at AS installedAt
       FROM ${from}
       WHERE ${filter.where}
       ORDER BY ${orderBy}
       LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
      { ...filter.params, ...pageParams(request.page, request.pageSize) },
    ),
    db.query<{ total: number }>(`SELECT toUInt32(count()) AS total FROM ${from} WHERE ${filter.where}`, filter.params),
  ])
  return { total: Number(count?.total ?? 0), rows }
}
