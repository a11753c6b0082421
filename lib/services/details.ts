// Asset and patch detail pages: one record (scope-checked) and its findings split by status.
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { notFound } from '@/lib/errors'
import { findAsset, type AssetDetail } from '@/lib/repositories/assets'
import { listFindings } from '@/lib/repositories/findings'
import { findPatch, type PatchDetail } from '@/lib/repositories/patches'
import { findingListQuery } from './lists'
import { requireSearch } from './search'

export const detailListQuery = findingListQuery.extend({ status: z.enum(['Missing', 'Installed']).default('Missing') })
export type DetailListQuery = z.infer<typeof detailListQuery>

/** The asset, or null when it does not exist or is outside the user's scope (both look the same: not found). */
export function fetchAssetDetail(db: Database, user: SessionUser, id: string): Promise<AssetDetail | null> {
  return findAsset(db, user.scope, id)
}

/** For the API: the asset, or a 404 that looks the same whether it is missing or outside the user's scope. */
export async function requireAssetDetail(db: Database, user: SessionUser, id: string): Promise<AssetDetail> {
  const asset = await fetchAssetDetail(db, user, id)
  if (!asset) throw notFound('No such asset.')
  return asset
}

export function fetchPatchDetail(db: Database, id: string): Promise<PatchDetail | null> {
  return findPatch(db, id)
}

/** Findings of one asset or one patch with the given status, through the same scoped findings search as the list. */
export function fetchRelatedFindings(db: Database, user: SessionUser, of: { assetId: string } | { patchId: string }, input: DetailListQuery) {
  return listFindings(db, user.scope, {
    filter: requireSearch('findings', `status: ${input.status}`, user),
    of,
    sort: input.sort,
    dir: input.dir,
    page: input.page,
    pageSize: input.pageSize,
  })
}
