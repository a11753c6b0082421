// Server side of the wizard pages: the names of the asset and patch ids a job starts with (in the user's scope), and the zone list.
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { printLiteral } from '@/lib/qql/browser'
import { assetListQuery, fetchAssetPage, fetchPatchPage, patchListQuery } from '@/lib/services/lists'

const MAX_NAMED = 500

/** `assets=a,b,c` of a "Create job" link: the ids, de-duplicated, at most MAX_NAMED. */
export function idList(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value[0] : value
  return [...new Set((text ?? '').split(',').map((id) => id.trim()).filter(Boolean))].slice(0, MAX_NAMED)
}

const idQuery = (ids: string[]) => `id: [${ids.map(printLiteral).join(', ')}]`

/** Names of the given assets and patches the user may see (others keep showing their id). */
export async function namesFor(db: Database, user: SessionUser, assetIds: string[], patchIds: string[]): Promise<Record<string, string>> {
  const names: Record<string, string> = {}
  if (assetIds.length > 0) {
    const page = await fetchAssetPage(db, user, assetListQuery.parse({ q: idQuery(assetIds.slice(0, MAX_NAMED)), pageSize: MAX_NAMED }))
    for (const row of page.rows) names[row.id] = row.name
  }
  if (patchIds.length > 0) {
    const page = await fetchPatchPage(db, user, patchListQuery.parse({ q: idQuery(patchIds.slice(0, MAX_NAMED)), pageSize: MAX_NAMED }))
    for (const row of page.rows) names[row.id] = row.title
  }
  return names
}

export function timeZoneList(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')]
}
