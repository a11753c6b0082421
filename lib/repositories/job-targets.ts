// Which assets a job includes: its targets (assets ∪ tag matches) ∩ its owner's scope ∩ every scope constraint, minus exclusions.
import type { Database } from '@/clickhouse/client'
import type { TagScope } from '@/lib/auth/user'
import type { SqlFilter } from './paging'
import { assetsFrozen, type JobTargets, type StoredJob } from './jobs'

/** SQL expressions (over assets `a`) for one job's target definition: parameters for one job, or a joined job row's columns. */
interface TargetExpressions {
  /** Whether the asset `a` is one the job lists one by one (a set lookup: a per-row `has()` over a long list is slow). */
  listed: string
  tags: string
  tagMatch: string
  exclusionTags: string
  exclusionMatch: string
  /** An `Array(Tuple(all Bool, tags Array(String)))`: the owner's scope followed by every scope constraint. */
  scopes: string
}

/** The scopes parsed from a JSON text expression (the stored `scope_constraints`, or a parameter). */
export const scopesFromJson = (json: string) => `JSONExtract(if(empty(${json}), '[]', ${json}), 'Array(Tuple(all Bool, tags Array(String)))')`

/** The assets a target definition matches, ignoring scope: listed ones, plus those with Any/All of the tags. */
export function targetMatch(e: Pick<TargetExpressions, 'listed' | 'tags' | 'tagMatch'>): string {
  return `((${e.listed}) OR (notEmpty(${e.tags}) AND if(${e.tagMatch} = 'All', hasAll(a.tags, ${e.tags}), hasAny(a.tags, ${e.tags}))))`
}

/** Of the assets a target definition matches: inside every scope, and not carrying the exclusion tags (Any/All). */
export function includedCondition(e: TargetExpressions): string {
  const excluded = `(notEmpty(${e.exclusionTags}) AND if(${e.exclusionMatch} = 'All', hasAll(a.tags, ${e.exclusionTags}), hasAny(a.tags, ${e.exclusionTags})))`
  return `${targetMatch(e)} AND ${inAllScopes(e.scopes)} AND NOT ${excluded}`
}

/** The asset lies in every scope of the array (a scope that sees all, or one of whose tags the asset carries). */
export const inAllScopes = (scopes: string) => `arrayAll(s -> tupleElement(s, 1) OR hasAny(a.tags, tupleElement(s, 2)), ${scopes})`

/** Parameters and expressions for one job's targets under `scopes` (its owner's and its constraints). */
export function jobTargetFilter(targets: JobTargets, scopes: TagScope[]): { expressions: TargetExpressions; params: Record<string, unknown> } {
  return {
    expressions: {
      listed: 'a.asset_id IN {targetAssetIds:Array(String)}',
      tags: '{targetTags:Array(String)}',
      tagMatch: '{targetTagMatch:String}',
      exclusionTags: '{exclusionTags:Array(String)}',
      exclusionMatch: '{exclusionMatch:String}',
      scopes: scopesFromJson('{targetScopes:String}'),
    },
    params: {
      targetAssetIds: targets.assetIds,
      targetTags: targets.tags,
      targetTagMatch: targets.tagMatch,
      exclusionTags: targets.exclusionTags,
      exclusionMatch: targets.exclusionMatch,
      targetScopes: JSON.stringify(scopes),
    },
  }
}

/** The assets a job includes, as a filter over `assets AS a FINAL`. */
export function includedAssetsFilter(targets: JobTargets, scopes: TagScope[]): SqlFilter {
  const { expressions, params } = jobTargetFilter(targets, scopes)
  return { where: includedCondition(expressions), params }
}

type TargetedJob = Pick<StoredJob, 'targets' | 'scopeConstraints'> & Partial<Pick<StoredJob, 'schedule' | 'firstEnabledAt'>>

/**
 * The asset ids a job runs on now: targets ∩ owner scope ∩ every scope constraint, minus exclusion tags; sorted. An
 * enabled run-once or on-demand job runs on the assets listed when it was enabled: its tags add no new ones.
 */
export async function resolveJobAssets(db: Database, job: TargetedJob, ownerScope: TagScope): Promise<string[]> {
  const targets = assetsFrozen(job) ? { ...job.targets, tags: [] } : job.targets
  const filter = includedAssetsFilter(targets, [ownerScope, ...job.scopeConstraints])
  const rows = await db.query<{ id: string }>(`SELECT a.asset_id AS id FROM assets AS a FINAL WHERE ${filter.where} ORDER BY a.asset_id`, filter.params)
  return rows.map((row) => row.id)
}

export interface TargetPreview {
  count: number
  assets: { id: string; name: string; tags: string[] }[]
  /** Of the in-scope assets the target tags match, how many the job includes (exclusions and constraints applied). */
  taggedAssets: { matched: number; included: number }
}

/** The wizard's live preview: the count and a sample of the included assets, and the tagged-assets figures. */
export async function previewJobTargets(db: Database, targets: JobTargets, scopes: TagScope[], sampleSize = 50): Promise<TargetPreview> {
  const { expressions, params } = jobTargetFilter(targets, scopes)
  const included = includedCondition(expressions)
  const taggedInScope = `notEmpty(${expressions.tags}) AND if(${expressions.tagMatch} = 'All', hasAll(a.tags, ${expressions.tags}), hasAny(a.tags, ${expressions.tags})) AND ${inAllScopes(expressions.scopes)}`
  const rows = await db.query<{ id: string; name: string; tags: string[]; count: number; matched: number; taggedIncluded: number }>(
    `SELECT id, name, tags, isIncluded, count, matched, taggedIncluded FROM (
       SELECT a.asset_id AS id, a.name AS name, a.tags AS tags, ${included} AS isIncluded, ${taggedInScope} AS isTagged,
              toUInt32(countIf(isIncluded) OVER ()) AS count, toUInt32(countIf(isTagged) OVER ()) AS matched,
              toUInt32(countIf(isTagged AND isIncluded) OVER ()) AS taggedIncluded
       FROM assets AS a FINAL WHERE ${targetMatch(expressions)}
     ) ORDER BY isIncluded DESC, lowerUTF8(name), id LIMIT {sampleSize:UInt32}`,
    { ...params, sampleSize },
  )
  const first = rows[0]
  if (!first) return { count: 0, assets: [], taggedAssets: { matched: 0, included: 0 } }
  const count = Number(first.count)
  return {
    count,
    assets: rows.slice(0, count).map(({ id, name, tags }) => ({ id, name, tags })),
    taggedAssets: { matched: Number(first.matched), included: Number(first.taggedIncluded) },
  }
}

/** Every asset id inside all the scopes (what a dynamic patch query is resolved over when no targets are given). */
export async function assetIdsInScopes(db: Database, scopes: TagScope[]): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT a.asset_id AS id FROM assets AS a FINAL WHERE ${inAllScopes(scopesFromJson('{scopes:String}'))} ORDER BY a.asset_id`,
    { scopes: JSON.stringify(scopes) },
  )
  return rows.map((row) => row.id)
}
