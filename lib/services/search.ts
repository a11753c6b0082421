// QQL search for the lists: compile a user's query (scope always applied), explain it, suggest what comes next.
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { invalid } from '@/lib/errors'
import {
  compileQql,
  CURRENT_TOKEN_VERSION,
  explainQql,
  migrateQuery,
  parseQql,
  suggestAt,
  type Entity,
  type QqlError,
  type QqlSuggestions,
  type QqlWarning,
} from '@/lib/qql'
import { recordRecentSearch } from '@/lib/repositories/searches'
import { lookupTokenValues } from '@/lib/repositories/token-values'
import type { SqlFilter } from '@/lib/repositories/paging'
import { searchEntitySchema, tokenVersionSchema } from './saved-searches'

export const qqlValidateBody = z.object({
  entity: searchEntitySchema,
  query: z.string().max(10_000),
  version: tokenVersionSchema.default(CURRENT_TOKEN_VERSION),
})

export const qqlSuggestQuery = z.object({
  entity: searchEntitySchema,
  q: z.string().max(10_000).default(''),
  cursor: z.coerce.number().int().min(0).optional(),
})

export type SearchResult =
  | { ok: true; filter: SqlFilter; warnings: QqlWarning[]; explain: string }
  | { ok: false; errors: QqlError[]; warnings: QqlWarning[] }

/** Compiles a list's query for this user; an empty query means "everything in scope". */
export function compileSearch(entity: Entity, query: string, user: SessionUser, version = CURRENT_TOKEN_VERSION): SearchResult {
  const compiled = compileQql({ query, entity, user, version })
  if (!compiled.ok) return compiled
  return { ok: true, filter: { where: compiled.where, params: compiled.params }, warnings: compiled.warnings, explain: explainQql(compiled.ast, entity) }
}

/** For APIs: the compiled filter, or a 400 that lists every error with its position. */
export function requireSearch(entity: Entity, query: string, user: SessionUser): SqlFilter {
  const result = compileSearch(entity, query, user)
  if (!result.ok) {
    throw invalid('INVALID_QUERY', `Invalid query: ${result.errors.map((e) => e.message).join('; ')}`, { errors: result.errors })
  }
  return result.filter
}

export interface Validation {
  valid: boolean
  errors: QqlError[]
  warnings: QqlWarning[]
  explain: string | null
  version: number
  /** The query rewritten to the current token version, when it was written against an older one. */
  migrated: string | null
}

export function validateSearch(entity: Entity, query: string, version: number): Validation {
  const parsed = parseQql(query, { entity, version })
  const migration = version < CURRENT_TOKEN_VERSION && parsed.errors.length === 0 ? migrateQuery(query, version, CURRENT_TOKEN_VERSION, entity) : null
  const errors = [...parsed.errors, ...(migration?.errors ?? [])]
  const current = migration?.query ?? query
  const explain = errors.length === 0 ? explainQql(parseQql(current, { entity }).ast, entity) : null
  return { valid: errors.length === 0, errors, warnings: parsed.warnings, explain, version, migrated: migration?.query ?? null }
}

export interface Suggestions extends QqlSuggestions {
  /** Known values from the database (in the user's scope) that start with the typed prefix. */
  knownValues: string[]
}

export async function suggestSearch(db: Database, user: SessionUser, entity: Entity, text: string, cursor: number): Promise<Suggestions> {
  const suggestions = suggestAt(text, cursor, entity)
  let knownValues: string[] = []
  if (suggestions.context === 'value' && suggestions.hasValueSource && suggestions.token) {
    knownValues = await lookupTokenValues(db, user.scope, { entity, token: suggestions.token.name, prefix: suggestions.prefix, limit: 15 })
  }
  return { ...suggestions, knownValues }
}

/** A list page's search: compiled for the user, and remembered among their recent searches when it is valid. */
export async function searchForPage(db: Database, user: SessionUser, entity: Entity, query: string): Promise<SearchResult> {
  const result = compileSearch(entity, query, user)
  if (result.ok && query.trim() !== '') await recordRecentSearch(db, user.id, entity, query.trim())
  return result
}
