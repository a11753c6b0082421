// The browser-safe half of QQL (the editor's): parse and check, explain, autocomplete, highlight, print, migrate and
// quick-filter clauses, over the token registry — no SQL and nothing outside lib/qql, so no keystroke needs the server.
import { analyzeQuery } from './analyze'
import type { QqlNode } from './ast'
import type { QqlError, QqlWarning } from './errors'
import { CURRENT_TOKEN_VERSION } from './tokens/registry'
import type { Entity } from './tokens/types'

export type * from './ast'
export { OPERATORS } from './ast'
export type { QqlError, QqlWarning } from './errors'
export type { QqlSuggestions } from './suggest'
export type { MigrationChange, MigrationResult } from './tokens/migrate'
export type { ElementType, Entity, QqlToken, TokenChange, TokenHistory, TokenSource, TokenType } from './tokens/types'
export type { ClauseToggle } from './clauses'
export type { HighlightRole, HighlightSpan } from './highlight'
export type { QueryCheck } from './check'
export { explainQql } from './explain'
export { suggestAt } from './suggest'
export { migrateQuery } from './tokens/migrate'
export { CURRENT_TOKEN_VERSION, TOKEN_VERSIONS, tokensFor } from './tokens/registry'
export { ENTITIES } from './tokens/types'
export { MAX_QUERY_LENGTH } from './parser'
export { printLiteral, printQuery } from './print'
export { toggleClause } from './clauses'
export { highlightQql } from './highlight'
export { checkQuery } from './check'

export interface ParseResult {
  ast: QqlNode | null
  errors: QqlError[]
  warnings: QqlWarning[]
}

/** Parses and checks a query against an entity's tokens at a token-schema version (default: current). */
export function parseQql(text: string, options: { entity: Entity; version?: number }): ParseResult {
  const { ast, errors, warnings } = analyzeQuery(text, options.entity, options.version ?? CURRENT_TOKEN_VERSION)
  return { ast, errors, warnings }
}
