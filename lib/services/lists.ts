// The Assets, Patches and Findings lists as the API and the pages serve them: validated input, QQL, scope applied.
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { ASSET_SORT_KEYS, listAssets } from '@/lib/repositories/assets'
import { FINDING_SORT_KEYS, listFindings } from '@/lib/repositories/findings'
import { listQuerySchema } from '@/lib/repositories/paging'
import { listPatches, PATCH_SORT_KEYS } from '@/lib/repositories/patches'
import { requireSearch, tokenVersionParam } from './search'
import { z } from 'zod'

/** `v`: the token version `q` is written for (a saved v1 search reopens as v1). */
export const assetListQuery = listQuerySchema(ASSET_SORT_KEYS, 'missing', 'desc').extend({ v: tokenVersionParam })
export const patchListQuery = listQuerySchema(PATCH_SORT_KEYS, 'missing', 'desc').extend({ v: tokenVersionParam })
export type AssetListQuery = z.infer<typeof assetListQuery>
export type PatchListQuery = z.infer<typeof patchListQuery>
export const findingListQuery = listQuerySchema(FINDING_SORT_KEYS, 'vendorSeverity', 'asc').extend({ v: tokenVersionParam })
export type FindingListQuery = z.infer<typeof findingListQuery>

export function fetchAssetPage(db: Database, user: SessionUser, input: AssetListQuery) {
  return listAssets(db, user.scope, { filter: requireSearch('assets', input.q, user, input.v), sort: input.sort, dir: input.dir, page: input.page, pageSize: input.pageSize })
}

export function fetchFindingPage(db: Database, user: SessionUser, input: FindingListQuery) {
  return listFindings(db, user.scope, { filter: requireSearch('findings', input.q, user, input.v), sort: input.sort, dir: input.dir, page: input.page, pageSize: input.pageSize })
}

export function fetchPatchPage(db: Database, user: SessionUser, input: PatchListQuery) {
  return listPatches(db, user.scope, {
    filter: requireSearch('patches', input.q, user, input.v),
    sort: input.sort,
    dir: input.dir,
    page: input.page,
    pageSize: input.pageSize,
  })
}

export const assetIdParams = z.object({ id: z.string().min(1).max(256) })
