// QQL search for the lists: compile a user's query (scope always applied), explain it, suggest what comes next.
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import { can } from '@/lib/auth/policy'
import type { SessionUser } from '@/lib/auth/user'
import { invalid } from '@/lib/errors'
import {
  checkQuery,
  compileQql,
  CURRENT_TOKEN_VERSION,
  explainQql,
  suggestAt,
  TOKEN_VERSIONS,
  type Entity,
  type QqlError,
  type QqlSuggestions,
  type QqlWarning,
  type QueryCheck,
} from '@/lib/qql'
import { listRecentSearches, recordRecentSearch } from '@/lib/repositories/searches'
import { lookupJobTokenValues } from '@/lib/repositories/jobs-list'
import { lookupTokenValues } from '@/lib/repositories/token-values'
import type { SqlFilter } from '@/lib/repositories/paging'
import { searchEntitySchema, tokenVersionSchema } from './saved-searches'

/** `v` of a list URL or API query string: the token version the query is written for (absent: current). */
export const tokenVersionParam = z.coerce
  .number()
  .int()
  .refine((v) => (TOKEN_VERSIONS as readonly number[]).includes(v), `v (token version) must be one of ${TOKEN_VERSIONS.join(', ')}`)
  .default(CURRENT_TOKEN_VERSION)

export const qqlValidateBody = z.object({
  entity: searchEntitySchema,
  query: z.string().max(10_000),
  version: tokenVersionSchema.default(CURRENT_TOKEN_VERSION),
})

export const qqlSuggestQuery = z.object({
  entity: searchEntitySchema,
  q: z.string().max(10_000).default(''),
  cursor: z.coerce.number().int().min(0).optional(),
  v: tokenVersionParam,
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
export function requireSearch(entity: Entity, query: string, user: SessionUser, version = CURRENT_TOKEN_VERSION): SqlFilter {
  const result = compileSearch(entity, query, user, version)
  if (!result.ok) {
    throw invalid('INVALID_QUERY', `Invalid query: ${result.errors.map((e) => e.message).join('; ')}`, { errors: result.errors })
  }
  return result.filter
}

/** What the validate API answers: the same check the editor runs in the browser. */
export function validateSearch(entity: Entity, query: string, version: number): QueryCheck {
  return checkQuery(query, entity, version)
}

export interface Suggestions extends QqlSuggestions {
  /** Known values from the database (in the user's scope) that start with the typed prefix. */
  knownValues: string[]
}

export async function suggestSearch(db: Database, user: SessionUser, entity: Entity, text: string, cursor: number, version = CURRENT_TOKEN_VERSION): Promise<Suggestions> {
  const suggestions = suggestAt(text, cursor, entity, version)
  let knownValues: string[] = []
  if (suggestions.context === 'value' && suggestions.hasValueSource && suggestions.token) {
    // A token's id is its current name, which is what value lookups know it by, whatever version the text is in.
    const request = { entity, token: suggestions.token.id, prefix: suggestions.prefix, limit: 15 }
    // Job values (names, owners, tags) come only from the jobs the user may view.
    knownValues =
      entity === 'jobs'
        ? await lookupJobTokenValues(db, { id: user.id, viewsAny: can(user, 'jobs.viewAny') }, request)
        : await lookupTokenValues(db, user.scope, request)
  }
  return { ...suggestions, knownValues }
}

/**
 * A list page's search: compiled for the user at its token version, and remembered among their recent searches at that
 * version when it is valid, so a recent v1 search reopens as v1 with its warnings and Rebuild offer.
 */
export async function searchForPage(db: Database, user: SessionUser, entity: Entity, query: string, version = CURRENT_TOKEN_VERSION): Promise<SearchResult> {
  const result = compileSearch(entity, query, user, version)
  if (result.ok && query.trim() !== '') await recordRecentSearch(db, user.id, entity, query.trim(), version)
  return result
}

/** The user's recent searches of one list, newest first, each at its token version, for the editor's ↑. */
export async function recentSearchesFor(db: Database, user: SessionUser, entity: Entity): Promise<{ query: string; version: number }[]> {
  const recent = await listRecentSearches(db, user.id, entity)
  return recent.map((search) => ({ query: search.query, version: search.tokenVersion }))
}

/** The URL parameters a list's paging and sorting links keep: the query and, for an older one, its token version. */
export function searchKeep(input: { q: string; v: number }): Record<string, string> {
  if (input.q === '') return {}
  return input.v === CURRENT_TOKEN_VERSION ? { q: input.q } : { q: input.q, v: String(input.v) }
}
