// Saved and recent searches as the API serves them: validated, owner-only edits, query checked before saving.
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import { decideResourceAccess } from '@/lib/auth/policy'
import type { SessionUser } from '@/lib/auth/user'
import { forbidden, invalid, notFound } from '@/lib/errors'
import { CURRENT_TOKEN_VERSION, parseQql, TOKEN_VERSIONS } from '@/lib/qql'
import {
  createSavedSearch,
  deleteSavedSearch,
  findSavedSearch,
  listRecentSearches,
  listSavedSearches,
  updateSavedSearch,
  type SavedSearch,
} from '@/lib/repositories/searches'

export const searchEntitySchema = z.enum(['assets', 'patches', 'findings', 'jobs'])
export const tokenVersionSchema = z
  .number()
  .int()
  .refine((v) => (TOKEN_VERSIONS as readonly number[]).includes(v), `token version must be one of ${TOKEN_VERSIONS.join(', ')}`)

export const savedSearchInput = z.object({
  name: z.string().trim().min(1, 'name must not be empty').max(120),
  entity: searchEntitySchema,
  query: z.string().max(10_000),
  tokenVersion: tokenVersionSchema.default(CURRENT_TOKEN_VERSION),
  shared: z.boolean().default(false),
})
export const savedSearchChanges = savedSearchInput.omit({ entity: true }).partial()
export const searchListQuery = z.object({ entity: searchEntitySchema.optional() })
export const searchIdParams = z.object({ id: z.string().uuid('not a saved search id') })

function assertQueryParses(entity: z.infer<typeof searchEntitySchema>, query: string, version: number): void {
  const { errors } = parseQql(query, { entity, version })
  if (errors.length > 0) throw invalid('INVALID_QUERY', `The query does not parse: ${errors[0].message}`, { errors })
}

export async function searchesFor(db: Database, user: SessionUser, entity?: string) {
  const [saved, recent] = await Promise.all([listSavedSearches(db, user.id, entity), listRecentSearches(db, user.id, entity)])
  return { saved: saved.map((s) => ({ ...s, mine: s.ownerId === user.id })), recent }
}

export async function saveSearch(db: Database, user: SessionUser, input: z.infer<typeof savedSearchInput>): Promise<SavedSearch> {
  assertQueryParses(input.entity, input.query, input.tokenVersion)
  return createSavedSearch(db, user, input)
}

/** Only the owner (or an Administrator) may change or delete a saved search; others get 404 for private ones. */
async function ownedSearch(db: Database, user: SessionUser, id: string): Promise<SavedSearch> {
  const search = await findSavedSearch(db, id)
  const mayChange = search !== null && decideResourceAccess(`savedSearch:${id}`, search.ownerId === user.id || user.role === 'Administrator')
  if (!search || (!search.shared && !mayChange)) throw notFound('No such saved search.')
  if (!mayChange) throw forbidden('Only the owner may change a saved search.')
  return search
}

export async function changeSearch(db: Database, user: SessionUser, id: string, changes: z.infer<typeof savedSearchChanges>): Promise<SavedSearch> {
  const search = await ownedSearch(db, user, id)
  if (changes.query !== undefined) assertQueryParses(search.entity as z.infer<typeof searchEntitySchema>, changes.query, changes.tokenVersion ?? search.tokenVersion)
  return updateSavedSearch(db, search, changes)
}

export async function removeSearch(db: Database, user: SessionUser, id: string): Promise<{ deleted: string }> {
  await deleteSavedSearch(db, await ownedSearch(db, user, id))
  return { deleted: id }
}
