// Personal API tokens in ClickHouse: one typed function per query; rows are versioned (ReplacingMergeTree, read FINAL).
import type { Database } from '@/clickhouse/client'
import { nextRowVersion } from './versioning'

export interface ApiTokenRecord {
  id: string
  userId: string
  name: string
  /** SHA-256 of the token's secret part; never leaves the server. */
  secretHash: string
  createdAt: string
  expiresAt: string | null
  revokedAt: string | null
  version: number
}

/** A token as listed to people: the record with the owner's email, without the hash. */
export type ApiTokenListing = Omit<ApiTokenRecord, 'secretHash'> & { userEmail: string }

interface TokenRow {
  token_id: string
  user_id: string
  name: string
  secret_hash: string
  created_at: string
  expires_at: string | null
  revoked_at: string | null
  version: number
}

const COLUMNS = 't.token_id AS token_id, t.user_id AS user_id, t.name AS name, t.secret_hash AS secret_hash, t.created_at AS created_at, t.expires_at AS expires_at, t.revoked_at AS revoked_at, t.version AS version'

function fromRow(row: TokenRow): ApiTokenRecord {
  return {
    id: row.token_id,
    userId: row.user_id,
    name: row.name,
    secretHash: row.secret_hash,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    version: Number(row.version),
  }
}

function toRow(token: ApiTokenRecord) {
  return {
    token_id: token.id,
    user_id: token.userId,
    name: token.name,
    secret_hash: token.secretHash,
    created_at: token.createdAt,
    expires_at: token.expiresAt,
    revoked_at: token.revokedAt,
    version: token.version,
    is_deleted: 0,
  }
}

export function apiTokenListing({ secretHash: _hash, ...token }: ApiTokenRecord, userEmail: string): ApiTokenListing {
  return { ...token, userEmail }
}

export async function insertApiToken(db: Database, token: Omit<ApiTokenRecord, 'version' | 'revokedAt'>): Promise<ApiTokenRecord> {
  const record: ApiTokenRecord = { ...token, revokedAt: null, version: nextRowVersion() }
  await db.insert('api_tokens', [toRow(record)])
  return record
}

export async function findApiTokenById(db: Database, id: string): Promise<ApiTokenRecord | null> {
  const rows = await db.query<TokenRow>(`SELECT ${COLUMNS} FROM api_tokens AS t FINAL WHERE t.token_id = {id:String} AND t.is_deleted = 0 LIMIT 1`, { id })
  return rows[0] ? fromRow(rows[0]) : null
}

/** Tokens newest first, with their owners' emails; one user's when `userId` is given, everyone's otherwise. */
export async function listApiTokens(db: Database, userId?: string): Promise<ApiTokenListing[]> {
  const rows = await db.query<TokenRow & { user_email: string }>(
    `SELECT ${COLUMNS}, ifNull(u.email, '') AS user_email
     FROM api_tokens AS t FINAL
     LEFT JOIN (SELECT user_id, email FROM users FINAL WHERE is_deleted = 0) AS u ON u.user_id = t.user_id
     WHERE t.is_deleted = 0 AND ({userId:String} = '' OR t.user_id = {userId:String})
     ORDER BY t.created_at DESC, t.token_id`,
    { userId: userId ?? '' },
  )
  return rows.map((row) => apiTokenListing(fromRow(row), row.user_email))
}

export async function revokeApiToken(db: Database, token: ApiTokenRecord, at = new Date()): Promise<ApiTokenRecord> {
  const next: ApiTokenRecord = { ...token, revokedAt: at.toISOString(), version: nextRowVersion(token.version) }
  await db.insert('api_tokens', [toRow(next)])
  return next
}

/** A deleted user's tokens go with them (they would no longer resolve anyway). */
export async function deleteApiTokensOfUser(db: Database, userId: string): Promise<void> {
  const tokens = await db.query<TokenRow>(`SELECT ${COLUMNS} FROM api_tokens AS t FINAL WHERE t.user_id = {userId:String} AND t.is_deleted = 0`, { userId })
  await db.insert('api_tokens', tokens.map((row) => ({ ...toRow(fromRow(row)), version: nextRowVersion(Number(row.version)), is_deleted: 1 })))
}
