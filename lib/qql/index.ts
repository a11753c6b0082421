// Public API of QQL, the token query language: the browser-safe part (browser.ts) plus compiling to ClickHouse SQL.
import { analyzeQuery } from './analyze'
import { clausesOf, type QqlNode } from './ast'
import { compileWhere, tokenValuesQuery, type QqlParams, type QqlRelations, type QqlScope } from './compile'
import { qqlError, type QqlError, type QqlWarning } from './errors'
import { resolveQuery } from './resolve'
import { isKnownTimeZone } from './time-zone'
import { migrateAst } from './tokens/migrate'
import { CURRENT_TOKEN_VERSION, tokenSet } from './tokens/registry'
import type { Entity } from './tokens/types'

export * from './browser'
export type { QqlParams, QqlParamValue, QqlRelations, QqlScope } from './compile'
export { ENTITY_SOURCES, PRESENT_RELATIONS, assetScopeCondition } from './compile'
export { ASSET_PROFILE_COLUMNS, EFFECTIVE_PROFILE_ID_SQL } from './profiles'

/**
 * What compiling needs of the signed-in user: the tag scope (always applied) and the zone dates are typed in. QQL's own
 * type (a session user fits it) so that QQL depends on nothing outside itself and runs in the browser as well.
 */
export interface QqlUser {
  scope: QqlScope
  timeZone: string
}

export type CompileResult =
  | { ok: true; where: string; criteria: string; scope: string | null; params: QqlParams; warnings: QqlWarning[]; ast: QqlNode | null }
  | { ok: false; errors: QqlError[]; warnings: QqlWarning[] }

/**
 * Compiles a query into a WHERE clause over `ENTITY_SOURCES[entity]`, with the user's tag scope always applied. A
 * query of an older token version is migrated first (the returned `ast` is the current-version tree, with positions
 * in the original text).
 */
export function compileQql(request: { query: string; entity: Entity; user: QqlUser; version?: number; relations?: QqlRelations }): CompileResult {
  const { query, entity, user } = request
  const version = request.version ?? CURRENT_TOKEN_VERSION
  const analysis = analyzeQuery(query, entity, version)
  const warnings = [...analysis.warnings]
  if (analysis.errors.length > 0) return { ok: false, errors: analysis.errors, warnings }

  let { ast, tree } = analysis
  if (version < CURRENT_TOKEN_VERSION) {
    const migration = migrateAst(ast, entity, version, CURRENT_TOKEN_VERSION)
    if (migration.errors.length > 0) return { ok: false, errors: migration.errors, warnings }
    const resolution = resolveQuery(migration.ast, tokenSet(entity, CURRENT_TOKEN_VERSION))
    if (resolution.errors.length > 0) return { ok: false, errors: resolution.errors, warnings }
    ast = migration.ast
    tree = resolution.tree
  }

  const timeZone = isKnownTimeZone(user.timeZone) ? user.timeZone : 'UTC'
  if (timeZone !== user.timeZone) {
    const tokens = tokenSet(entity, CURRENT_TOKEN_VERSION).byName
    const dated = clausesOf(ast).find((clause) => tokens.get(clause.token.name)?.elementType === 'date')
    if (dated !== undefined) warnings.push(qqlError(`unknown time zone \`${user.timeZone}\`: dates are read as UTC`, dated.start, dated.end))
  }
  const { where, criteria, scope, params } = compileWhere(tree, entity, user.scope, timeZone, request.relations)
  return { ok: true, where, criteria, scope, params, warnings, ast }
}

/** SQL + params listing known values of a token (current version) starting with `prefix`, within the user's scope. */
export function valueSuggestionQuery(request: {
  entity: Entity
  token: string
  prefix: string
  user: QqlUser
  limit?: number
}): { sql: string; params: QqlParams } | null {
  const token = tokenSet(request.entity, CURRENT_TOKEN_VERSION).byName.get(request.token)
  if (token === undefined) return null
  return tokenValuesQuery(token, request.prefix, request.user.scope, request.limit ?? 20)
}
