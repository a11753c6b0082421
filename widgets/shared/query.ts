// SQL of a widget's aggregate over an entity: group keys, metrics, top N with "Other", one normalised row shape.
import { compileQql, ENTITY_SOURCES, PRESENT_RELATIONS, printQuery, type QqlNode, type QqlParams, type QqlRelations, type QqlToken, type QqlUser } from '@/lib/qql'
import type { DashboardFilters } from '../schema'
import type { GroupBy, ListEntity, Metric, Widget } from '../schema'
import { collapsedFindings, scopeAsSemiJoin, sourceFor } from '../findings/query'
import { checkGroupBy, conditions, DERIVED_MEASURES, tokenFor } from './tokens'

/**
 * One SELECT of a widget, with columns `s UInt16` (series), `k1 String` (group), `k2 String` (stack or series key),
 * `v Array(Float64)` (metric values). Every widget's branches share this shape, so a dashboard runs as one UNION ALL.
 */
export interface Branch {
  sql: string
  params: QqlParams
}

/** The group key of the rows past the top N. No token value contains U+0000. */
export const OTHER_KEY = '\u0000other'

export interface QueryProblem {
  /** Where the problem is: `query`, `filters`, `groupBy`, `metric`, `seriesQueries.N`. */
  source: string
  message: string
  start?: number
  end?: number
}

export type BuiltQuery = { ok: true; branches: Branch[]; notes: string[] } | { ok: false; problems: QueryProblem[] }

/**
 * What a widget reads as the current findings (`f`) and assets (`a`) and as "now": the present, unless a count is
 * evaluated as of a past day (widgets/as-of/query.ts).
 */
export interface WidgetRelations extends QqlRelations {
  assets: string
}
export const PRESENT: WidgetRelations = { ...PRESENT_RELATIONS, assets: ENTITY_SOURCES.assets }

export interface BuildContext {
  user: QqlUser
  filters: DashboardFilters
  /** Default: PRESENT. */
  relations?: WidgetRelations
  /** The estate rollup build of the current data version, if there is one: the widgets it answers read it. */
  rollupBuild?: string | null
}

const DERIVED_MEASURE_SQL: Readonly<Record<string, string>> = {
  daysSinceScan: "dateDiff('second', a.last_scan_at, now64(3, 'UTC')) / 86400",
  daysSincePublished: "dateDiff('second', p.published_at, now64(3, 'UTC')) / 86400",
  daysMissing: "dateDiff('second', f.first_seen_at, ifNull(f.installed_at, now64(3, 'UTC'))) / 86400",
}

interface MetricSql {
  columns: string[]
  /** What "value" sorts by. */
  order: string
  /** Sums of groups are the value of their union (counts), so "Other" can be summed from the groups. */
  additive: boolean
}

/** A branch with only the parameters its SQL uses (so equal SQL means an equal branch, e.g. `tz` only where dates are read). */
export function branchOf(sql: string, params: QqlParams): Branch {
  const used = new Set([...sql.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*):/g)].map((match) => match[1]))
  return { sql, params: Object.fromEntries(Object.entries(params).filter(([name]) => used.has(name))) }
}

/** Renames every `{name:Type}` placeholder (and its parameter) with a prefix, so compiled pieces never collide. */
export function prefixParams(branch: Branch, prefix: string): Branch {
  const params: QqlParams = {}
  for (const [name, value] of Object.entries(branch.params)) params[prefix + name] = value
  const sql = branch.sql.replace(/\{([A-Za-z_][A-Za-z0-9_]*):/g, (whole, name: string) => (name in branch.params ? `{${prefix}${name}:` : whole))
  return { sql, params }
}

/** `where` is `criteria AND scope` (scope: the tag scope's condition, null when not scoped). */
export type Compiled = { ok: true; where: string; criteria: string; scope: string | null; params: QqlParams; notes: string[] } | { ok: false; problems: QueryProblem[] }

/** Compiles `query AND dashboard filters AND extra` in the viewer's scope (the compiler applies the tag scope). */
export function compileConditions(entity: ListEntity, query: string, context: BuildContext, source: string, extra: readonly QqlNode[] = []): Compiled {
  const combined = conditions(entity, query, context.filters, extra)
  if (!combined.ok) {
    const where = combined.source === 'filters' ? 'filters' : source
    return { ok: false, problems: combined.errors.map((error) => ({ source: where, message: error.message, start: error.start, end: error.end })) }
  }
  const compiled = compileQql({ query: printQuery(combined.ast), entity, user: context.user, relations: context.relations })
  if (!compiled.ok) return { ok: false, problems: compiled.errors.map((error) => ({ source, message: error.message })) }
  const { where, criteria, scope, params } = compiled
  return { ok: true, where, criteria, scope, params, notes: combined.filterNote === null ? [] : [combined.filterNote] }
}

/** `count` is how a row set is counted: `count()`, or the sum of the rows' weights over a collapsed source. */
function metricSql(entity: ListEntity, metric: Metric, context: BuildContext, index: number, count: string): { ok: true; sql: MetricSql; params: QqlParams } | { ok: false; problem: QueryProblem } {
  switch (metric.kind) {
    case 'count':
      return { ok: true, sql: { columns: [count], order: count, additive: true }, params: {} }
    case 'distinctCount': {
      const token = tokenFor(entity, metric.token)
      if (token === undefined || token.source.via !== 'row') return { ok: false, problem: { source: 'metric', message: `\`${metric.token}\` is not a ${entity} token to count distinct values of` } }
      const sql = `uniqExact(${token.source.sql})`
      return { ok: true, sql: { columns: [sql], order: sql, additive: false }, params: {} }
    }
    case 'ratio': {
      const numerator = compileQql({ query: metric.numerator, entity, user: context.user, relations: context.relations })
      if (!numerator.ok) return { ok: false, problem: { source: 'metric', message: `ratio numerator: ${numerator.errors.map((error) => error.message).join('; ')}` } }
      const renamed = prefixParams({ sql: numerator.where, params: numerator.params }, `n${index}_`)
      const hits = `countIf(${renamed.sql})`
      return { ok: true, sql: { columns: [hits, 'count()'], order: `${hits} / count()`, additive: true }, params: renamed.params }
    }
    case 'avg':
    case 'median':
    case 'p90': {
      const token = tokenFor(entity, metric.measure)
      const expression = token?.type === 'integer' && token.source.via === 'row' ? token.source.sql : DERIVED_MEASURE_SQL[metric.measure]
      const known = expression !== undefined && (token !== undefined || DERIVED_MEASURES[entity].some((measure) => measure.name === metric.measure))
      if (!known) return { ok: false, problem: { source: 'metric', message: `\`${metric.measure}\` is not a numeric measure of ${entity}` } }
      const aggregate = { avg: 'avg', median: 'quantileExactInclusive(0.5)', p90: 'quantileExactInclusive(0.9)' }[metric.kind]
      const sql = `${aggregate}(toFloat64(${expression}))`
      return { ok: true, sql: { columns: [sql], order: sql, additive: false }, params: {} }
    }
  }
}

function keySql(token: QqlToken, bucket: GroupBy['bucket']): string {
  const expression = token.source.sql
  if (token.type === 'array') return `toString(arrayJoin(${expression}))`
  if (token.type !== 'date') return `toString(${expression})`
  const day = `toDate(${expression}, {tz:String})`
  switch (bucket) {
    case 'week':
      return `toString(toMonday(${day}))`
    case 'month':
      return `substring(toString(toStartOfMonth(${day})), 1, 7)`
    default:
      return `toString(${day})`
  }
}

export interface AggregateRequest {
  entity: ListEntity
  query: string
  source: string
  series: number
  groupBy: GroupBy | null
  /** Bars split by a second group: the top `limit` stack values by their total over the bars, the rest as one "Other" segment. */
  stackBy: { group: GroupBy; limit: number } | null
  metrics: readonly Metric[]
  limit: number
  sort: Widget['sort']
  other: boolean
}

/** The SELECT of one series of a widget over assets, patches or findings. */
export function aggregateBranch(request: AggregateRequest, context: BuildContext): BuiltQuery {
  const compiled = compileConditions(request.entity, request.query, context, request.source)
  if (!compiled.ok) return compiled
  const problems: QueryProblem[] = []
  const params: QqlParams = { ...compiled.params, tz: context.user.timeZone, limit: request.limit }
  const groups = [request.groupBy, request.stackBy?.group ?? null].map((groupBy, index) => {
    if (groupBy === null) return null
    const check = checkGroupBy(request.entity, groupBy)
    if (!check.ok) {
      problems.push({ source: index === 0 ? 'groupBy' : 'stackBy', message: check.message })
      return null
    }
    return check
  })
  if (groups[1]?.token.type === 'array') problems.push({ source: 'stackBy', message: 'stack by a token with one value per row, not a list' })
  const [group, stack] = groups
  const key = group === null ? "''" : keySql(group.token, group.bucket)
  const stackKey = stack === null ? "''" : keySql(stack.token, stack.bucket)
  const relations = context.relations ?? PRESENT
  const findingsWhere = request.entity === 'findings' ? scopeAsSemiJoin(compiled, context.user) : null
  const where = findingsWhere?.where ?? compiled.where
  const collapsed =
    findingsWhere === null ? null : collapsedFindings({ where: findingsWhere, keys: [key, stackKey], metrics: request.metrics, relations, rollupBuild: context.rollupBuild ?? null })
  if (collapsed?.params !== undefined) Object.assign(params, collapsed.params)
  const metrics: MetricSql[] = []
  request.metrics.forEach((metric, index) => {
    const built = metricSql(request.entity, metric, context, index, collapsed?.count ?? 'count()')
    if (!built.ok) problems.push(built.problem)
    else {
      metrics.push(built.sql)
      Object.assign(params, built.params)
    }
  })
  if (problems.length > 0) return { ok: false, problems }

  const values = `[${metrics.flatMap((metric) => metric.columns).map((column) => `toFloat64(${column})`).join(', ')}]`
  const from = collapsed?.from ?? `${sourceFor(request.entity, [where, key, stackKey, values], relations)} WHERE ${where}`
  const head = `SELECT toUInt16(${request.series}) AS s`
  if (group === null) return done(`${head}, '' AS k1, '' AS k2, ${values} AS v FROM ${from}`)

  const present = group.token.type === 'date' ? ` AND ${group.token.source.sql} IS NOT NULL` : ''
  const stackPresent = stack !== null && stack.token.type === 'date' ? ` AND ${stack.token.source.sql} IS NOT NULL` : ''
  const rows = `${from}${present}${stackPresent}`
  const order = orderBy(request.sort, metrics[0].order, 'k1')
  const top = `SELECT ${key} AS k1 FROM ${rows} GROUP BY k1 ORDER BY ${order} LIMIT {limit:UInt32}`
  const timeAxis = group.token.type === 'date'
  if (stack !== null && request.stackBy !== null) {
    // Bars: every date bucket, or the top N groups (past them "Other" when asked). Segments: the top stack values by their
    // total over those bars; the rest of each bar is its "Other" segment, computed over its rows (right for any metric).
    const folded = !timeAxis && request.other
    const barRows = timeAxis || folded ? rows : `${rows} AND ${key} IN (${top})`
    const topStacks = `SELECT ${stackKey} AS k2 FROM ${barRows} GROUP BY k2 ORDER BY ${orderBy('value-desc', metrics[0].order, 'k2')} LIMIT {stackLimit:UInt32}`
    const bar = folded ? foldedKey(group.token, key, top) : key
    return done(
      `${head}, ${bar} AS k1, if(${stackKey} IN (${topStacks}), ${stackKey}, {otherKey:String}) AS k2, ${values} AS v FROM ${barRows} GROUP BY k1, k2`,
      { otherKey: OTHER_KEY, stackLimit: request.stackBy.limit },
    )
  }
  // A time axis keeps every bucket, in time order.
  if (timeAxis) return done(`${head}, ${key} AS k1, ${stackKey} AS k2, ${values} AS v FROM ${rows} GROUP BY k1, k2 ORDER BY k1`)
  if (!request.other) return done(`${head}, ${key} AS k1, '' AS k2, ${values} AS v FROM ${rows} GROUP BY k1 ORDER BY ${order} LIMIT {limit:UInt32}`)
  // A list token counts a row in several groups, so "Other" is counted over its rows, never summed from groups.
  if (metrics.every((metric) => metric.additive) && group.token.type !== 'array') {
    // One pass: rank the groups, then sum the ones past the top N into "Other".
    const width = metrics.reduce((sum, metric) => sum + metric.columns.length, 0)
    const rankOrder = orderBy(request.sort, 'o', 'k1')
    const sums = Array.from({ length: width }, (_, i) => `sum(v[${i + 1}])`).join(', ')
    return done(
      `${head}, if(rank <= {limit:UInt32}, k1, {otherKey:String}) AS k1, '' AS k2, [${sums}] AS v FROM (` +
        `SELECT k1, v, row_number() OVER (ORDER BY ${rankOrder}) AS rank FROM (` +
        `SELECT ${key} AS k1, ${values} AS v, toFloat64(${metrics[0].order}) AS o FROM ${rows} GROUP BY k1)) GROUP BY k1`,
      { otherKey: OTHER_KEY },
    )
  }
  // Two passes: statistics of "Other" are computed over its rows, not summed from its groups.
  return done(
    `${head}, ${foldedKey(group.token, key, top)} AS k1, '' AS k2, ${values} AS v FROM ${rows} GROUP BY k1`,
    { otherKey: OTHER_KEY },
  )

  function done(sql: string, extra: QqlParams = {}): BuiltQuery {
    return { ok: true, branches: [branchOf(sql, { ...params, ...extra })], notes: compiled.ok ? compiled.notes : [] }
  }
}

/**
 * The group key with the groups past the top N (`top`, a SELECT of k1) as OTHER_KEY. A row of a list token is in each of
 * its shown elements' groups, or once in "Other" when it has none of them (an empty list too): the rows that
 * `NOT token: [shown groups]` lists, so the drilled-down list's total is the bucket's value.
 */
function foldedKey(token: QqlToken, key: string, top: string): string {
  if (token.type !== 'array') return `if(${key} IN (${top}), ${key}, {otherKey:String})`
  const shown = `(SELECT groupArray(k1) FROM (${top}))`
  const elements = `arrayMap(x -> toString(x), ${token.source.sql})`
  return `arrayJoin(if(hasAny(${elements}, ${shown}), arrayFilter(x -> has(${shown}, x), ${elements}), [{otherKey:String}]))`
}

function orderBy(sort: Widget['sort'], value: string, key: string): string {
  switch (sort) {
    case 'value-desc':
      return `${value} DESC, ${key} ASC`
    case 'value-asc':
      return `${value} ASC, ${key} ASC`
    case 'key-asc':
      return `${key} ASC`
    case 'key-desc':
      return `${key} DESC`
  }
}
