// Activation keys of agents: versioned rows (ReplacingMergeTree, read FINAL) plus their last use, kept in its own table.
import type { Database } from '@/clickhouse/client'

export interface ActivationKeyRecord {
  id: string
  prefix: string
  secretHash: string
  title: string
  tags: string[]
  createdBy: string
  createdAt: string
  revokedAt: string | null
  version: number
}

export interface ActivationKeyListing extends Omit<ActivationKeyRecord, 'secretHash'> {
  lastUsedAt: string | null
}

interface KeyRow {
  key_id: string
  prefix: string
  secret_hash: string
  title: string
  tags: string[]
  created_by: string
  created_at: string
  revoked_at: string | null
  version: number
}

const COLUMNS = 'key_id, prefix, secret_hash, title, tags, created_by, created_at, revoked_at, version'

function fromRow(row: KeyRow): ActivationKeyRecord {
  return {
    id: row.key_id,
    prefix: row.prefix,
    secretHash: row.secret_hash,
    title: row.title,
    tags: row.tags,
    createdBy: row.created_by,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    version: Number(row.version),
  }
}

export async function saveActivationKey(db: Database, key: ActivationKeyRecord): Promise<void> {
  await db.insert('activation_keys', [
    {
      key_id: key.id,
      prefix: key.prefix,
      secret_hash: key.secretHash,
      title: key.title,
      tags: key.tags,
      created_by: key.createdBy,
      created_at: key.createdAt,
      revoked_at: key.revokedAt,
      version: key.version,
      is_deleted: 0,
    },
  ])
}

export async function findActivationKeyByPrefix(db: Database, prefix: string): Promise<ActivationKeyRecord | null> {
  const [row] = await db.query<KeyRow>(`SELECT ${COLUMNS} FROM activation_keys FINAL WHERE prefix = {prefix:String} AND is_deleted = 0 LIMIT 1`, { prefix })
  return row ? fromRow(row) : null
}

export async function findActivationKeyById(db: Database, id: string): Promise<ActivationKeyRecord | null> {
  const [row] = await db.query<KeyRow>(`SELECT ${COLUMNS} FROM activation_keys FINAL WHERE key_id = {id:String} AND is_deleted = 0`, { id })
  return row ? fromRow(row) : null
}

/** Every key, newest first, with its last use; never the hash. */
export async function listActivationKeys(db: Database): Promise<ActivationKeyListing[]> {
  const rows = await db.query<KeyRow & { last_used_at: string | null }>(
    `SELECT k.key_id AS key_id, k.prefix AS prefix, k.title AS title, k.tags AS tags, k.created_by AS created_by,
       k.created_at AS created_at, k.revoked_at AS revoked_at, k.version AS version, u.last_used_at AS last_used_at
     FROM (SELECT * FROM activation_keys FINAL WHERE is_deleted = 0) AS k
     LEFT JOIN (SELECT key_id, max(last_used_at) AS last_used_at FROM activation_key_usage GROUP BY key_id) AS u ON u.key_id = k.key_id
     ORDER BY k.created_at DESC
     SETTINGS join_use_nulls = 1`,
  )
  return rows.map((row) => {
    const { secretHash: _omitted, ...record } = fromRow({ ...row, secret_hash: '' })
    return { ...record, lastUsedAt: row.last_used_at }
  })
}

export async function recordActivationKeyUse(db: Database, keyId: string, at: Date): Promise<void> {
  await db.insert('activation_key_usage', [{ key_id: keyId, last_used_at: at.toISOString() }])
}
