// QQL → ClickHouse: a checked tree, an entity and a user's tag scope → a WHERE clause with `{qN:Type}` parameters.
// No user value is ever written into the SQL text.
import { groupAndOperands, isFindingOnly } from './finding-groups'
import type { Bound, ElementTest, ResolvedClause, ResolvedNode, SqlValue } from './resolve'
import { formatUtcDateTime64, wallTimeToUtc } from './time-zone'
import type { Entity, FieldTable, QqlToken } from './tokens/types'

/** Per entity, the FROM clause the compiled `where` is written against. */
export const ENTITY_SOURCES: Readonly<Record<Entity, string>> = {
  assets: 'assets AS a FINAL',
  patches: 'patches AS p FINAL',
  findings:
    'findings AS f FINAL INNER JOIN assets AS a FINAL ON a.asset_id = f.asset_id INNER JOIN patches AS p FINAL ON p.patch_id = f.patch_id',
  jobs: 'jobs AS j FINAL',
  audit: 'audit_log AS l',
}

interface EntityRows {
  /** The condition keeping current rows only (tombstoned rows have is_deleted = 1), or null. */
  current: string | null
  /** Whether the user sees only rows of assets in their tag scope. */
  tagScoped: boolean
}

/** Which rows of an entity's source every compiled query is limited to, before the user's conditions. */
const ENTITY_ROWS: Readonly<Record<Entity, EntityRows>> = {
  assets: { current: null, tagScoped: true },
  // The patch catalog is global; its asset counts (`missingCount`, …) are scoped inside `assetCount`.
  patches: { current: null, tagScoped: false },
  findings: { current: 'f.is_deleted = 0', tagScoped: true },
  // Jobs are not tag-scoped rows: which jobs a user sees is decided by role and ownership (own, co-authored, assigned),
  // which the Jobs repository applies. A job's target tags say where it runs, not who may see it.
  jobs: { current: 'j.is_deleted = 0', tagScoped: false },
  // The audit log is append-only and read whole by audit.view holders (administration, not the estate).
  audit: { current: null, tagScoped: false },
}

/** A tag scope as QQL applies it: every asset (`all`), or the assets carrying any of `tags`. */
export interface QqlScope {
  all: boolean
  tags: readonly string[]
}

export type QqlParamValue = string | number | boolean | readonly string[]
export type QqlParams = Record<string, QqlParamValue>

export interface CompiledWhere {
  where: string
  params: QqlParams
}

/** A compiled query: `where` is `criteria AND scope` (the entity's current-row condition is among the criteria). */
export interface CompiledQuery extends CompiledWhere {
  /** Every condition but the tag scope ('1' when none). */
  criteria: string
  /** The tag scope's condition as it stands in `where`, or null when the rows are not scoped. */
  scope: string | null
}

/**
 * What a compiled query reads as the current findings (aliased `f`) and as "now" (relative dates, `now-7d`): the present
 * by default. Widgets evaluate a query as of a past day by compiling it over that day's findings and end of day.
 */
export interface QqlRelations {
  findings: string
  now: string
}
export const PRESENT_RELATIONS: QqlRelations = { findings: 'findings AS f FINAL', now: "now64(3, 'UTC')" }

/**
 * The asset condition of a tag scope: everything (`null`), nothing (`0`) or assets carrying any of the tags — tested on
 * the asset's `a.tags`, or on another column holding an asset's tags (a rollup's tag set).
 */
export function assetScopeCondition(scope: QqlScope, tagsColumn = 'a.tags'): CompiledWhere | null {
  if (scope.all) return null
  if (scope.tags.length === 0) return { where: '0', params: {} }
  return { where: `hasAny(${tagsColumn}, {scopeTags:Array(String)})`, params: { scopeTags: [...scope.tags] } }
}

const currentFindingsOfAsset = (findings: string) => `SELECT f.asset_id FROM ${findings} INNER JOIN patches AS p FINAL ON p.patch_id = f.patch_id WHERE f.is_deleted = 0`
const INTERVAL_FUNCTIONS = {
  year: 'toIntervalYear',
  month: 'toIntervalMonth',
  week: 'toIntervalWeek',
  day: 'toIntervalDay',
  hour: 'toIntervalHour',
  minute: 'toIntervalMinute',
  second: 'toIntervalSecond',
} as const

/** Binding strength of a fragment's outermost operator, so that parentheses go exactly where they are needed. */
const Precedence = { Or: 0, And: 1, Atom: 2 } as const
type Precedence = (typeof Precedence)[keyof typeof Precedence]

interface Fragment {
  sql: string
  precedence: Precedence
}

function atom(sql: string): Fragment {
  return { sql, precedence: Precedence.Atom }
}

function wrap(fragment: Fragment, below: Precedence): string {
  return fragment.precedence < below ? `(${fragment.sql})` : fragment.sql
}

function join(operator: 'AND' | 'OR', fragments: Fragment[]): Fragment {
  if (fragments.length === 1) return fragments[0]
  const precedence = operator === 'AND' ? Precedence.And : Precedence.Or
  return { sql: fragments.map((fragment) => wrap(fragment, precedence)).join(` ${operator} `), precedence }
}

function holdsAtZero(bound: Bound): boolean {
  if (bound.value.kind !== 'integer') return false
  const value = bound.value.value
  switch (bound.op) {
    case '=':
      return value === 0
    case '>':
      return 0 > value
    case '>=':
      return 0 >= value
    case '<':
      return 0 < value
    case '<=':
      return 0 <= value
  }
}

function isFindingClause(node: ResolvedNode): boolean {
  return node.kind === 'clause' && node.token.source.via === 'assetFinding'
}

/** Compiles a checked query (null = no conditions) for an entity, inside a tag scope, reading dates in `timeZone`. */
export function compileWhere(tree: ResolvedNode | null, entity: Entity, scope: QqlScope, timeZone: string, relations: QqlRelations = PRESENT_RELATIONS): CompiledQuery {
  const rows = ENTITY_ROWS[entity]
  const scopeCondition = rows.tagScoped ? assetScopeCondition(scope) : null
  if (scopeCondition?.where === '0') return { ...scopeCondition, criteria: '0', scope: null }
  const compiler = new SqlCompiler(scope, timeZone, relations)
  const current = rows.current === null ? [] : [atom(rows.current)]
  const scopeSql = scopeCondition === null ? null : compiler.bind(scopeCondition)
  const own = tree === null ? [] : [compiler.compile(tree, false)]
  const sql = (fragments: Fragment[]) => (fragments.length === 0 ? '1' : join('AND', fragments).sql)
  const where = sql([...current, ...(scopeSql === null ? [] : [atom(scopeSql)]), ...own])
  return { where, params: compiler.params, criteria: sql([...current, ...own]), scope: scopeSql }
}

class SqlCompiler {
  readonly params: QqlParams = {}
  private count = 0

  constructor(
    private readonly scope: QqlScope,
    private readonly timeZone: string,
    private readonly relations: QqlRelations,
  ) {}

  /** `insideFindings`: compiling the criteria of a findings semi-join, where `patch.*` columns are in reach. */
  compile(node: ResolvedNode, insideFindings: boolean): Fragment {
    switch (node.kind) {
      case 'clause':
        return this.compileClause(node, insideFindings)
      case 'not':
        return atom(`NOT (${this.compile(node.operand, insideFindings).sql})`)
      case 'or':
        if (!insideFindings && isFindingOnly(node, isFindingClause)) return this.findingSemiJoin([node])
        return join('OR', node.operands.map((operand) => this.compile(operand, insideFindings)))
      case 'and': {
        if (insideFindings) return join('AND', node.operands.map((operand) => this.compile(operand, true)))
        const parts = groupAndOperands(node.operands, isFindingClause)
        return join(
          'AND',
          parts.map((part) => (part.kind === 'findingGroup' ? this.findingSemiJoin(part.criteria) : this.compile(part.node, false))),
        )
      }
    }
  }

  /** Adds a precompiled condition's parameters and returns its SQL. */
  bind(condition: CompiledWhere): string {
    Object.assign(this.params, condition.params)
    return condition.where
  }

  private compileClause(clause: ResolvedClause, insideFindings: boolean): Fragment {
    const { source } = clause.token
    if (source.via === 'assetFinding' && !insideFindings) return this.findingSemiJoin([clause])
    if (source.via === 'assetCount') return this.assetCount(clause)
    if (clause.token.type !== 'array') return join('OR', clause.tests.map((test) => this.test(source.sql, test)))
    const anyTest = join('OR', clause.tests.map((test) => this.test('x', test)))
    return atom(`arrayExists(x -> ${anyTest.sql}, ${source.sql})`)
  }

  /** Assets with at least one current finding matching all the criteria. */
  private findingSemiJoin(criteria: ResolvedNode[]): Fragment {
    const condition = join('AND', criteria.map((criterion) => this.compile(criterion, true)))
    return atom(`a.asset_id IN (${currentFindingsOfAsset(this.relations.findings)} AND ${wrap(condition, Precedence.And)})`)
  }

  /**
   * Patches whose number of in-scope assets with a matching current finding passes the tests. Patches without any
   * such finding are absent from the grouped subquery, so a test that zero passes (`< 5`, `: 0`) is written as
   * "not among the patches whose count fails it".
   */
  private assetCount(clause: ResolvedClause): Fragment {
    const having = join('OR', clause.tests.map((test) => this.test('count()', test)))
    const zeroPasses = clause.tests.some((test) => test.kind === 'compare' && test.bounds.every(holdsAtZero))
    const scope = assetScopeCondition(this.scope)
    const scopeJoin = scope === null ? '' : ' INNER JOIN assets AS a FINAL ON a.asset_id = f.asset_id'
    const scopeCondition = scope === null ? '' : ` AND ${this.bind(scope)}`
    const grouped =
      `SELECT f.patch_id FROM ${this.relations.findings}${scopeJoin}` +
      ` WHERE f.is_deleted = 0 AND ${clause.token.source.sql}${scopeCondition}` +
      ` GROUP BY f.patch_id HAVING ${zeroPasses ? `NOT (${having.sql})` : having.sql}`
    return atom(`p.patch_id ${zeroPasses ? 'NOT IN' : 'IN'} (${grouped})`)
  }

  private test(expression: string, test: ElementTest): Fragment {
    switch (test.kind) {
      case 'compare':
        return join('AND', test.bounds.map((bound) => atom(`${expression} ${bound.op} ${this.value(bound.value)}`)))
      case 'like':
        return atom(`${expression} ILIKE ${this.param('String', test.pattern)}`)
      case 'ipRange':
        // isIPAddressInRange throws on text that is not an address; `if` evaluates it only for addresses.
        return atom(
          `if(isIPv4String(${expression}) OR isIPv6String(${expression}), isIPAddressInRange(${expression}, ${this.param('String', test.cidr)}), 0)`,
        )
    }
  }

  private value(value: SqlValue): string {
    switch (value.kind) {
      case 'string':
        return this.param('String', value.value)
      case 'integer':
        return this.param('Int64', value.value)
      case 'boolean':
        return this.param('Bool', value.value)
      case 'time': {
        const utc = value.zoned ? wallTimeToUtc(value.ms, this.timeZone) : value.ms
        return this.param("DateTime64(3, 'UTC')", formatUtcDateTime64(utc))
      }
      case 'relativeTime': {
        const now = this.relations.now
        if (value.amount === 0) return now
        const interval = `${INTERVAL_FUNCTIONS[value.unit]}(${this.param('Int64', Math.abs(value.amount))})`
        return `${now} ${value.amount < 0 ? '-' : '+'} ${interval}`
      }
    }
  }

  private param(type: string, value: QqlParamValue): string {
    const name = `q${++this.count}`
    this.params[name] = value
    return `{${name}:${type}}`
  }
}

/** Per table, where autocomplete values are read from, and the condition keeping current rows only (or null). */
const VALUE_SOURCE_TABLES: Readonly<Record<FieldTable, { from: string; current: string | null }>> = {
  assets: { from: 'assets AS a FINAL', current: null },
  patches: { from: 'patches AS p FINAL', current: null },
  findings: { from: 'findings AS f FINAL', current: 'f.is_deleted = 0' },
  jobs: { from: 'jobs AS j FINAL', current: 'j.is_deleted = 0' },
  audit: { from: 'audit_log AS l', current: null },
}

/**
 * A query listing a token's known values that start with `prefix` (ignoring case), for autocomplete; values read
 * from assets obey the tag scope. Null when the token has no value source (closed values come from `suggestAt`).
 * Job values (names, owners, tags) come from every current job: job visibility is by role and ownership, so whoever
 * offers job autocomplete decides whether the user may see them.
 */
export function tokenValuesQuery(token: QqlToken, prefix: string, scope: QqlScope, limit: number): { sql: string; params: QqlParams } | null {
  if (token.valueSource === null) return null
  const { table, sql } = token.valueSource
  const { from, current } = VALUE_SOURCE_TABLES[table]
  const scopeCondition = table === 'assets' ? assetScopeCondition(scope) : null
  const conditions = [
    ...(current === null ? [] : [current]),
    ...(scopeCondition === null ? [] : [scopeCondition.where]),
    "value != ''",
    'startsWith(lowerUTF8(value), lowerUTF8({prefix:String}))',
  ]
  return {
    sql: `SELECT DISTINCT ${sql} AS value FROM ${from} WHERE ${conditions.join(' AND ')} ORDER BY value LIMIT {limit:UInt32}`,
    params: { ...scopeCondition?.params, prefix, limit },
  }
}
