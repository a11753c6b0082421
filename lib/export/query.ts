// The export query: the list's own rows (QQL, scope, sort from the list repositories) with the chosen columns as SELECT.
import { timeZoneSchema, type SessionUser } from '@/lib/auth/user'
import { invalid } from '@/lib/errors'
import { ASSET_SORT_KEYS, assetListSource } from '@/lib/repositories/assets'
import { FINDING_SORT_KEYS, findingListSource } from '@/lib/repositories/findings'
import type { ListSource } from '@/lib/repositories/paging'
import { PATCH_SORT_KEYS, patchListSource } from '@/lib/repositories/patches'
import { assetListQuery, findingListQuery, patchListQuery } from '@/lib/services/lists'
import { requireSearch } from '@/lib/services/search'
import type { ExportEntity } from './columns'

export type { ExportFormat } from '@/lib/repositories/export'

export interface ExportSort {
  /** A sort key of the entity's list (`ASSET_SORT_KEYS`, …). */
  key: string
  dir: 'asc' | 'desc'
}

const SORT_KEYS: Record<ExportEntity, readonly string[]> = { assets: ASSET_SORT_KEYS, patches: PATCH_SORT_KEYS, findings: FINDING_SORT_KEYS }
/** The list screens' own defaults (their query schemas), so an export without a sort has the list's order. */
const LIST_SCHEMAS = { assets: assetListQuery, patches: patchListQuery, findings: findingListQuery } as const

function listSort(entity: ExportEntity, sort: ExportSort | null | undefined): ExportSort {
  if (sort === null || sort === undefined) {
    const defaults = LIST_SCHEMAS[entity].parse({})
    return { key: defaults.sort, dir: defaults.dir }
  }
  if (!SORT_KEYS[entity].includes(sort.key)) {
    throw invalid('UNKNOWN_SORT', `Unknown ${entity} sort: ${sort.key} (one of ${SORT_KEYS[entity].join(', ')})`, { sort: sort.key, known: SORT_KEYS[entity] })
  }
  return sort
}

/**
 * The rows an export reads: exactly the list's (the same compiled QQL with the user's tag scope, the same FROM, joins
 * and ORDER BY, taken from the list repositories), without paging.
 */
export function exportSource(entity: ExportEntity, user: SessionUser, query: string, version: number | undefined, sort?: ExportSort | null): ListSource {
  const filter = requireSearch(entity, query, user, version)
  const { key, dir } = listSort(entity, sort)
  switch (entity) {
    case 'assets':
      return assetListSource(user.scope, { filter, sort: key as (typeof ASSET_SORT_KEYS)[number], dir })
    case 'patches':
      return patchListSource(user.scope, { filter, sort: key as (typeof PATCH_SORT_KEYS)[number], dir })
    case 'findings':
      return findingListSource(user.scope, { filter, sort: key as (typeof FINDING_SORT_KEYS)[number], dir })
  }
}

/** The zone dates are written in: the user's own (the compiler reads typed dates in it too), UTC when unknown. */
export function exportTimeZone(user: SessionUser): string {
  return timeZoneSchema.safeParse(user.timeZone).success ? user.timeZone : 'UTC'
}
