// The Assets and Patches lists as the API and the pages both serve them: validated input, scope applied.
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { ASSET_SORT_KEYS, listAssets } from '@/lib/repositories/assets'
import { listQuerySchema } from '@/lib/repositories/paging'
import { listPatches, PATCH_SORT_KEYS } from '@/lib/repositories/patches'
import { assetScopeFilter } from '@/lib/repositories/scope'
import type { z } from 'zod'

export const assetListQuery = listQuerySchema(ASSET_SORT_KEYS, 'missing', 'desc')
export const patchListQuery = listQuerySchema(PATCH_SORT_KEYS, 'missing', 'desc')
export type AssetListQuery = z.infer<typeof assetListQuery>
export type PatchListQuery = z.infer<typeof patchListQuery>

export function fetchAssetPage(db: Database, user: SessionUser, input: AssetListQuery) {
  return listAssets(db, { filter: assetScopeFilter(user), sort: input.sort, dir: input.dir, page: input.page, pageSize: input.pageSize })
}

export function fetchPatchPage(db: Database, user: SessionUser, input: PatchListQuery) {
  return listPatches(db, {
    filter: { where: '1', params: {} },
    assetScope: assetScopeFilter(user),
    sort: input.sort,
    dir: input.dir,
    page: input.page,
    pageSize: input.pageSize,
  })
}
