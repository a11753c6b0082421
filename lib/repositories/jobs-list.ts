// The Jobs list: a page of jobs matching a compiled QQL filter and the list's filters, and the counts of a whole page in one query.
import type { Database } from '@/clickhouse/client'
import { fromRow, JOB_COLUMNS, type JobRow } from './job-rows'
import { ONE_OFF_SCHEDULES, type StoredJob } from './jobs'
import { includedCondition, inAllScopes, scopesFromJson } from './job-targets'
import { JOB_FIELDS } from '@/lib/qql/tokens/fields'
import { pageParams, type ListPage, type SqlFilter } from './paging'

export const JOB_SORTS = {
  name: 'lowerUTF8(j.name)',
  status: 'j.status',
  type: 'j.type',
  owner: 'j.owner_email',
  scheduleType: 'j.schedule_type',
  patchCount: 'length(j.patch_ids)',
  lastRun: 'j.last_run_at',
  nextRun: 'j.next_run_at',
  created: 'j.created_at',
  updated: 'j.updated_at',
} as const
export type JobSort = keyof typeof JOB_SORTS
export const JOB_SORT_KEYS = Object.keys(JOB_SORTS) as [JobSort, ...JobSort[]]

export interface JobListRequest {
  /** Compiled by QQL over `jobs AS j FINAL` (it keeps current rows only). */
  filter: SqlFilter
  status: string[]
  scheduleType: string[]
  type: string[]
  /** Jobs this user owns (`mine`) and/or co-authors (`coAuthored`); both: either. */
  viewerId: string
  mine: boolean
  coAuthored: boolean
  /** Only jobs the viewer owns or co-authors (a search over content the others' jobs do not show them). */
  onlyViewable: boolean
  sort: JobSort
  dir: 'asc' | 'desc'
  page: number
  pageSize: number
}

function listFilter(request: JobListRequest): SqlFilter {
  const conditions = [`(${request.filter.where})`]
  if (request.status.length > 0) conditions.push('has({status:Array(String)}, j.status)')
  if (request.scheduleType.length > 0) conditions.push('has({scheduleType:Array(String)}, j.schedule_type)')
  if (request.type.length > 0) conditions.push('has({type:Array(String)}, j.type)')
  const people = [...(request.mine ? ['j.owner_id = {viewerId:String}'] : []), ...(request.coAuthored ? ['has(j.co_author_ids, {viewerId:String})'] : [])]
  if (people.length > 0) conditions.push(`(${people.join(' OR ')})`)
  if (request.onlyViewable) conditions.push('(j.owner_id = {viewerId:String} OR has(j.co_author_ids, {viewerId:String}))')
  return {
    where: conditions.join(' AND '),
    params: { ...request.filter.params, status: request.status, scheduleType: request.scheduleType, type: request.type, viewerId: request.viewerId },
  }
}

/** One page of jobs in the list's order and the total, in one query (a page past the end counts separately). */
export async function listJobs(db: Database, request: JobListRequest): Promise<ListPage<StoredJob>> {
  const filter = listFilter(request)
  const direction = request.dir === 'asc' ? 'ASC' : 'DESC'
  const rows = await db.query<JobRow & { total: number }>(
    `SELECT ${JOB_COLUMNS}, toUInt32(count() OVER ()) AS total FROM jobs AS j FINAL WHERE ${filter.where}
     ORDER BY ${JOB_SORTS[request.sort]} ${direction}, j.job_id ASC LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
    { ...filter.params, ...pageParams(request.page, request.pageSize) },
  )
  if (rows.length === 0) {
    const [count] = await db.query<{ total: number }>(`SELECT toUInt32(count()) AS total FROM jobs AS j FINAL WHERE ${filter.where}`, filter.params)
    return { total: Number(count?.total ?? 0), rows: [] }
  }
  return { total: Number(rows[0].total), rows: rows.map(fromRow) }
}

export interface JobCounts {
  /** Assets the job includes now (targets ∩ owner scope ∩ scope constraints, minus exclusions). */
  assetCount: number
  /** Of the in-scope assets the target tags match, how many the job includes. */
  taggedAssets: { matched: number; included: number }
}

/**
 * A page's jobs (alias `j`) with their scopes (the owner's current one first, then the constraints) and the tags that add
 * assets (none for an enabled run-once or on-demand job, whose assets were fixed when enabled); `p.listed`: listed one by one.
 */
const STORED_TARGETS = {
  listed: 'p.listed = 1',
  tags: 'j.adding_tags',
  tagMatch: 'j.target_tag_match',
  exclusionTags: 'j.exclusion_tags',
  exclusionMatch: 'j.exclusion_tag_match',
  scopes: 'j.scopes',
}

/**
 * The counts of every job of a page, in one query (the owner's current scope applies; an advisory has no owner: 0).
 * Candidate (job, asset) pairs come from joins on the tags and the listed ids, not from jobs × assets: on 20,000 assets ×
 * 50 jobs (200 listed assets each) about 1 s instead of 4–6 s on the loaded 2-core machine; a per-row `has()` over the
 * listed-assets array alone took 4.5 s of it.
 */
export async function countJobAssets(db: Database, jobIds: string[]): Promise<Map<string, JobCounts>> {
  if (jobIds.length === 0) return new Map()
  const page = '(SELECT * FROM jobs FINAL WHERE has({ids:Array(String)}, job_id) AND is_deleted = 0)'
  const tagged = `notEmpty(j.target_tags) AND if(j.target_tag_match = 'All', hasAll(a.tags, j.target_tags), hasAny(a.tags, j.target_tags)) AND ${inAllScopes(STORED_TARGETS.scopes)}`
  const included = includedCondition(STORED_TARGETS)
  const rows = await db.query<{ id: string; assetCount: number; matched: number; taggedIncluded: number }>(
    `SELECT j.job_id AS id, toUInt32(countIf(${included})) AS assetCount,
            toUInt32(countIf(${tagged})) AS matched, toUInt32(countIf((${tagged}) AND ${included})) AS taggedIncluded
     FROM (
       SELECT job_id, asset_id, max(listed) AS listed FROM (
         SELECT jt.job_id AS job_id, at.asset_id AS asset_id, toUInt8(0) AS listed
         FROM (SELECT job_id, arrayJoin(target_tags) AS tag FROM ${page}) AS jt
         INNER JOIN (SELECT asset_id, arrayJoin(tags) AS tag FROM assets FINAL) AS at ON at.tag = jt.tag
         UNION ALL
         SELECT job_id, arrayJoin(target_asset_ids) AS asset_id, toUInt8(1) AS listed FROM ${page}
       ) GROUP BY job_id, asset_id
     ) AS p
     INNER JOIN (
       SELECT s.job_id AS job_id, s.target_tags AS target_tags,
              if(s.first_enabled_at IS NOT NULL AND has({oneOff:Array(String)}, s.schedule_type), CAST([], 'Array(String)'), s.target_tags) AS adding_tags,
              s.target_tag_match AS target_tag_match, s.exclusion_tags AS exclusion_tags,
              s.exclusion_tag_match AS exclusion_tag_match,
              arrayConcat([CAST((u.scope_all, u.scope_tags), 'Tuple(all Bool, tags Array(String))')], ${scopesFromJson('s.scope_constraints')}) AS scopes
       FROM ${page} AS s
       LEFT JOIN (SELECT user_id, scope_all, scope_tags FROM users FINAL WHERE is_deleted = 0) AS u ON u.user_id = s.owner_id
     ) AS j ON j.job_id = p.job_id
     INNER JOIN (SELECT asset_id, tags FROM assets FINAL) AS a ON a.asset_id = p.asset_id
     GROUP BY j.job_id`,
    { ids: jobIds, oneOff: ONE_OFF_SCHEDULES },
  )
  return new Map(rows.map((row) => [row.id, { assetCount: Number(row.assetCount), taggedAssets: { matched: Number(row.matched), included: Number(row.taggedIncluded) } }]))
}

/**
 * Known values of a jobs token (autocomplete) from the jobs the viewer may view only: every job with jobs.viewAny,
 * otherwise those they own or co-author. The expression is the token registry's value source.
 */
export async function lookupJobTokenValues(db: Database, viewer: { id: string; viewsAny: boolean }, request: { token: string; prefix: string; limit: number }): Promise<string[]> {
  const source = JOB_FIELDS.fields.find((field) => field.name === request.token)?.valueSource
  if (source === undefined) return []
  const rows = await db.query<{ value: string }>(
    `SELECT DISTINCT ${source} AS value FROM jobs AS j FINAL
     WHERE j.is_deleted = 0 AND ({viewsAny:Bool} OR j.owner_id = {viewerId:String} OR has(j.co_author_ids, {viewerId:String}))
       AND value != '' AND startsWith(lowerUTF8(value), lowerUTF8({prefix:String}))
     ORDER BY value LIMIT {limit:UInt32}`,
    { viewsAny: viewer.viewsAny, viewerId: viewer.id, prefix: request.prefix, limit: request.limit },
  )
  return rows.map((row) => String(row.value))
}
