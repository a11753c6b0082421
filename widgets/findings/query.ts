// The FROM of a findings widget: only the joins something reads, the tag scope as a semi-join, and findings counted per
// patch (and status) before the catalog join when only counts of them are asked.
import { assetScopeCondition, ENTITY_SOURCES, type QqlParams, type QqlUser } from '@/lib/qql'
import { ROLLUP_FINDINGS } from '@/lib/repositories/estate-rollup'
import type { ListEntity, Metric } from '../schema'
import type { WidgetRelations } from '../shared/query'

/** A findings widget's WHERE: its criteria, and the viewer's tag scope as a test of its own (null: not scoped). */
export interface FindingsWhere {
  where: string
  criteria: string
  scopeTest: string | null
  /** The same scope as a test of a rollup row's `tags` (null: not scoped). */
  scopeOnTags: string | null
}

/**
 * Findings in a tag scope: the compiler's scope condition on the joined asset (`hasAny(a.tags, …)`) as a semi-join on
 * the asset ids instead — the same rows, and unless another criterion reads the asset, no join of 10 M findings with
 * the assets (measured at 100,000 assets × 11 M findings: 170–290 ms instead of 530–790 ms). `compiled` is the
 * compiler's query, its criteria and its scope apart.
 */
export function scopeAsSemiJoin(compiled: { where: string; criteria: string; scope: string | null }, user: QqlUser): FindingsWhere {
  const onTags = assetScopeCondition(user.scope, 'tags')
  if (compiled.scope === null || onTags === null || onTags.where === '0') return { where: compiled.where, criteria: compiled.where, scopeTest: null, scopeOnTags: null }
  const scopeTest = `f.asset_id IN (SELECT asset_id FROM assets FINAL WHERE ${onTags.where})`
  // Last, so the criteria on the findings' own columns spare it most rows.
  return { where: `${compiled.criteria} AND ${scopeTest}`, criteria: compiled.criteria, scopeTest, scopeOnTags: onTags.where }
}

/**
 * The entity's FROM clause without the joins nothing reads: most findings widgets need neither the assets join (an
 * unscoped viewer, no asset criteria) nor the patches join, and at 10 M findings a join is most of a widget's cost. The
 * result is the same as through ENTITY_SOURCES, because every finding's asset and patch row exist (the writer writes
 * the catalog before findings and the asset with them), so the lists a widget drills into count the same rows.
 */
export function sourceFor(entity: ListEntity, sql: readonly string[], relations: WidgetRelations): string {
  if (entity === 'assets') return relations.assets
  if (entity !== 'findings') return ENTITY_SOURCES[entity]
  const text = sql.join(' ')
  return [
    relations.findings,
    ...(reads('a', text) ? [`INNER JOIN ${relations.assets} ON a.asset_id = f.asset_id`] : []),
    ...(reads('p', text) ? ['INNER JOIN patches AS p FINAL ON p.patch_id = f.patch_id'] : []),
  ].join(' ')
}

const reads = (alias: 'a' | 'f' | 'p', sql: string) => new RegExp(`\\b${alias}\\.`).test(sql)

/** A source whose rows stand for several findings each: `count` counts the findings (the sum of the rows' weights). */
export interface CollapsedSource {
  /** `… WHERE …`, the criteria applied. */
  from: string
  count: string
  /** Parameters the source adds. */
  params?: QqlParams
}

/** A findings widget's where, group keys and metrics, and what it reads. */
export interface CollapseRequest {
  where: FindingsWhere
  keys: readonly string[]
  metrics: readonly Metric[]
  relations: WidgetRelations
  /** The estate rollup build of the current data version (only with the present relations), else null. */
  rollupBuild: string | null
}

/** The finding columns a collapsed row keeps (few values per patch). */
const KEPT_COLUMNS = new Set(['patch_id', 'status', 'is_deleted'])

/**
 * Counted findings grouped by patch attributes (missing by severity, top missing patches, by status): the findings
 * counted per patch before the catalog join, instead of joining every finding with its patch. Only when the criteria
 * and group keys read no asset and no finding column but the patch id, status and deleted flag, and every metric is a
 * count: then the result is the same. `null` when the widget does not qualify (it reads the findings as they are).
 *
 * - Unscoped: `(SELECT patch_id, count() … WHERE criteria GROUP BY patch_id)` joined with the catalog's few hundred
 *   rows, when the criteria read no patch column (measured at 11 M findings: 92–99 ms instead of 127–141 ms a widget).
 * - Scoped to tags: the viewer's findings counted per (patch, status, deleted) once per statement — a scalar subquery,
 *   which the engine evaluates once for every widget of the render that reads the same scope — and each widget's
 *   criteria and keys over those few hundred rows (measured: the three findings widgets of the default dashboard in
 *   308 ms instead of 640 ms, each reading the 11 M findings' asset ids on its own).
 * - With the estate rollup of the data version (its build `rollupBuild`), scoped or not: the counts per (patch, status) of the
 *   tag sets in scope, summed from the rollup's ~15,000 rows instead of reading the findings.
 */
export function collapsedFindings(request: CollapseRequest): CollapsedSource | null {
  const { where, keys, metrics, relations, rollupBuild } = request
  if (!metrics.every((metric) => metric.kind === 'count')) return null
  const keyText = keys.join(' ')
  const read = `${where.criteria} ${keyText}`
  if (reads('a', read) || [...read.matchAll(/\bf\.(\w+)/g)].some(([, column]) => !KEPT_COLUMNS.has(column))) return null
  const catalog = reads('p', read) ? ' INNER JOIN patches AS p FINAL ON p.patch_id = f.patch_id' : ''
  if (rollupBuild !== null) {
    const inScope = where.scopeOnTags === null ? '' : ` AND ${where.scopeOnTags}`
    const rows =
      `SELECT patch_id, status, toUInt8(0) AS is_deleted, sum(n) AS n FROM ${ROLLUP_FINDINGS} ` +
      `WHERE build = {rollupBuild:String}${inScope} GROUP BY patch_id, status`
    return { from: `(${rows}) AS f${catalog} WHERE ${where.criteria}`, count: 'sum(f.n)', params: { rollupBuild } }
  }
  if (where.scopeTest !== null) {
    const counted =
      `SELECT f.patch_id AS patch_id, f.status AS status, f.is_deleted AS is_deleted, count() AS n FROM ${relations.findings} ` +
      `WHERE ${where.scopeTest} GROUP BY patch_id, status, is_deleted`
    const rows = `SELECT t.1 AS patch_id, t.2 AS status, t.3 AS is_deleted, t.4 AS n FROM (SELECT arrayJoin((SELECT groupArray((patch_id, status, is_deleted, n)) FROM (${counted}))) AS t)`
    return { from: `(${rows}) AS f${catalog} WHERE ${where.criteria}`, count: 'sum(f.n)' }
  }
  if (reads('p', where.criteria) || catalog === '') return null
  return {
    from: `(SELECT f.patch_id AS patch_id, count() AS n FROM ${relations.findings} WHERE ${where.criteria} GROUP BY f.patch_id) AS f${catalog} WHERE 1`,
    count: 'sum(f.n)',
  }
}
