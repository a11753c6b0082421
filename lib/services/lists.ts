// The Assets, Patches and Findings lists as the API and the pages serve them: validated input, QQL, scope applied.
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { ApiError } from '@/lib/http/api'
import { ASSET_SORT_KEYS, findAsset, listAssets, type AssetListRow } from '@/lib/repositories/assets'
import { FINDING_SORT_KEYS, listFindings } from '@/lib/repositories/findings'
import { listQuerySchema } from '@/lib/repositories/paging'
import { listPatches, PATCH_SORT_KEYS } from '@/lib/repositories/patches'
import { assetScopeFilter } from '@/lib/repositories/scope'
import { requireSearch } from './search'
import { z } from 'zod'

export const assetListQuery = listQuerySchema(ASSET_SORT_KEYS, 'missing', 'desc')
export const patchListQuery = listQuerySchema(PATCH_SORT_KEYS, 'missing', 'desc')
export type AssetListQuery = z.infer<typeof assetListQuery>
export type PatchListQuery = z.infer<typeof patchListQuery>
export const findingListQuery = listQuerySchema(FINDING_SORT_KEYS, 'vendorSeverity', 'asc')
export type FindingListQuery = z.infer<typeof findingListQuery>

export function fetchAssetPage(db: Database, user: SessionUser, input: AssetListQuery) {
  return listAssets(db, { filter: requireSearch('assets', input.q, user), sort: input.sort, dir: input.dir, page: input.page, pageSize: input.pageSize })
}

export function fetchFindingPage(db: Database, user: SessionUser, input: FindingListQuery) {
  return listFindings(db, { filter: requireSearch('findings', input.q, user), sort: input.sort, dir: input.dir, page: input.page, pageSize: input.pageSize })
}

export function fetchPatchPage(db: Database, user: SessionUser, input: PatchListQuery) {
  return listPatches(db, {
    filter: requireSearch('patches', input.q, user),
    assetScope: assetScopeFilter(user),
    sort: input.sort,
    dir: input.dir,
    page: input.page,
    pageSize: input.pageSize,
  })
}

export const assetIdParams = z.object({ id: z.string().min(1).max(256) })

/** One in-scope asset; an asset outside the user's scope is reported exactly like a missing one. */
export async function fetchAsset(db: Database, user: SessionUser, id: string): Promise<AssetListRow> {
  const asset = await findAsset(db, id, assetScopeFilter(user))
  if (!asset) throw new ApiError(404, 'NOT_FOUND', 'No such asset.')
  return asset
}
