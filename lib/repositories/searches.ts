// Saved searches (own and shared) and each user's recent searches.
import crypto from 'node:crypto'
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { nextRowVersion } from './versioning'

export const RECENT_SEARCHES_KEPT = 10

export interface SavedSearch {
  id: string
  ownerId: string
  ownerEmail: string
  name: string
  entity: string
  query: string
  tokenVersion: number
  shared: boolean
  createdAt: string
  updatedAt: string
  version: number
}

export interface RecentSearch {
  entity: string
  query: string
  /** The token-schema version the search was run at. */
  tokenVersion: number
  at: string
}

const COLUMNS = `search_id AS id, owner_id AS ownerId, owner_email AS ownerEmail, name, entity, query, token_version AS tokenVersion,
  shared, created_at AS createdAt, updated_at AS updatedAt, version`

function toRow(search: SavedSearch, isDeleted = false) {
  return {
    search_id: search.id,
    owner_id: search.ownerId,
    owner_email: search.ownerEmail,
    name: search.name,
    entity: search.entity,
    query: search.query,
    token_version: search.tokenVersion,
    shared: search.shared,
    created_at: search.createdAt,
    updated_at: search.updatedAt,
    version: search.version,
    is_deleted: isDeleted ? 1 : 0,
  }
}

/** The user's own searches and those others shared, optionally for one entity, by name. */
export async function listSavedSearches(db: Database, userId: string, entity?: string): Promise<SavedSearch[]> {
  return db.query<SavedSearch>(
    `SELECT ${COLUMNS} FROM saved_searches FINAL
     WHERE is_deleted = 0 AND (owner_id = {userId:String} OR shared) AND ({entity:String} = '' OR entity = {entity:String})
     ORDER BY lowerUTF8(name), search_id`,
    { userId, entity: entity ?? '' },
  )
}

export async function findSavedSearch(db: Database, id: string): Promise<SavedSearch | null> {
  const rows = await db.query<SavedSearch>(`SELECT ${COLUMNS} FROM saved_searches FINAL WHERE search_id = {id:String} AND is_deleted = 0`, { id })
  return rows[0] ?? null
}

export async function createSavedSearch(
  db: Database,
  owner: Pick<SessionUser, 'id' | 'email'>,
  input: Pick<SavedSearch, 'name' | 'entity' | 'query' | 'tokenVersion' | 'shared'>,
): Promise<SavedSearch> {
  const now = new Date().toISOString()
  const search: SavedSearch = { ...input, id: crypto.randomUUID(), ownerId: owner.id, ownerEmail: owner.email, createdAt: now, updatedAt: now, version: nextRowVersion() }
  await db.insert('saved_searches', [toRow(search)])
  return search
}

export async function updateSavedSearch(db: Database, search: SavedSearch, changes: Partial<Pick<SavedSearch, 'name' | 'query' | 'tokenVersion' | 'shared'>>): Promise<SavedSearch> {
  const next: SavedSearch = { ...search, ...changes, updatedAt: new Date().toISOString(), version: nextRowVersion(search.version) }
  await db.insert('saved_searches', [toRow(next)])
  return next
}

export async function deleteSavedSearch(db: Database, search: SavedSearch): Promise<void> {
  await db.insert('saved_searches', [toRow({ ...search, version: nextRowVersion(search.version) }, true)])
}

export async function recordRecentSearch(db: Database, userId: string, entity: string, query: string, tokenVersion: number): Promise<void> {
  await db.insert('recent_searches', [{ user_id: userId, entity, query, token_version: tokenVersion, at: new Date().toISOString() }])
}

/** The last distinct searches of a user (newest first), optionally for one entity. */
export async function listRecentSearches(db: Database, userId: string, entity?: string): Promise<RecentSearch[]> {
  return db.query<RecentSearch>(
    `SELECT entity, query, token_version AS tokenVersion, max(at) AS at FROM recent_searches
     WHERE user_id = {userId:String} AND ({entity:String} = '' OR entity = {entity:String})
     GROUP BY entity, query, token_version ORDER BY at DESC LIMIT {limit:UInt32}`,
    { userId, entity: entity ?? '', limit: RECENT_SEARCHES_KEPT },
  )
}
