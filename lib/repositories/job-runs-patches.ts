// A run's patch list from a job's dynamic patches QQL: compiled in the owner's scope, non-superseded patches the run's assets need, newest first.
import type { Database } from '@/clickhouse/client'
import { invalid } from '@/lib/errors'
import { compileQql, ENTITY_SOURCES, type QqlUser } from '@/lib/qql'
import { JOB_LIMITS, type JobType } from '@/lib/schemas/jobs'

export interface DynamicPatchRequest {
  query: string
  /** The token-schema version the query is written for (null: the current one). */
  version: number | null
  type: JobType
  /** The job owner: the query's asset counts and dates read in their scope and zone. */
  owner: QqlUser
  /** The run's assets: an install needs patches missing on one of them, an uninstall patches installed on one. */
  assetIds: string[]
}

/**
 * The patches a dynamic job runs with: those the query matches (in the owner's scope), not superseded, Missing (install)
 * or Installed (uninstall) on at least one of the run's assets, newest published first, at most JOB_LIMITS.maxPatches.
 * A query that no longer compiles (e.g. a token removed since) is refused with the compiler's messages.
 */
export async function resolveDynamicPatches(db: Database, request: DynamicPatchRequest): Promise<string[]> {
  const compiled = compileQql({ query: request.query, entity: 'patches', user: request.owner, version: request.version ?? undefined })
  if (!compiled.ok) {
    throw invalid('JOB_PATCH_QUERY_INVALID', `The job's patches query no longer works: ${compiled.errors.map((error) => error.message).join('; ')}`, {
      errors: compiled.errors,
    })
  }
  if (request.assetIds.length === 0) return []
  const rows = await db.query<{ id: string }>(
    `SELECT p.patch_id AS id FROM ${ENTITY_SOURCES.patches}
     WHERE (${compiled.where}) AND NOT p.is_superseded
       AND p.patch_id IN (SELECT patch_id FROM findings FINAL
                          WHERE is_deleted = 0 AND status = {findingStatus:String} AND asset_id IN {runAssets:Array(String)})
     ORDER BY p.published_at DESC, p.patch_id
     LIMIT {patchLimit:UInt32}`,
    { ...compiled.params, findingStatus: request.type === 'Uninstall' ? 'Installed' : 'Missing', runAssets: request.assetIds, patchLimit: JOB_LIMITS.maxPatches },
  )
  return rows.map((row) => row.id)
}
