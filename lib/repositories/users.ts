// User accounts in ClickHouse: one typed function per query; rows are versioned (ReplacingMergeTree, read FINAL).
import crypto from 'node:crypto'
import type { Database } from '@/clickhouse/client'
import type { Role, SessionUser } from '@/lib/auth/user'
import { readTheme, type Theme } from '@/lib/schemas/preferences'
import { nextRowVersion } from './versioning'

export interface UserRecord extends SessionUser {
  passwordHash: string
  disabled: boolean
  sessionEpoch: number
  /** Colour theme of the UI (migration 0007). */
  theme: Theme
  createdAt: string
  updatedAt: string
  version: number
}

interface UserRow {
  user_id: string
  email: string
  name: string
  role: Role
  scope_all: boolean
  scope_tags: string[]
  password_hash: string
  time_zone: string
  disabled: boolean
  session_epoch: number
  theme: string
  created_at: string
  updated_at: string
  version: number
}

// failed_logins and locked_until (0001) are no longer read or written: sign-in throttling replaced the lock-out.
const COLUMNS = `user_id, email, name, role, scope_all, scope_tags, password_hash, time_zone, disabled, session_epoch,
  theme, created_at, updated_at, version`

function fromRow(row: UserRow): UserRecord {
  return {
    id: row.user_id,
    email: row.email,
    name: row.name,
    role: row.role,
    scope: { all: Boolean(row.scope_all), tags: row.scope_tags },
    timeZone: row.time_zone,
    passwordHash: row.password_hash,
    disabled: Boolean(row.disabled),
    sessionEpoch: Number(row.session_epoch),
    theme: readTheme(row.theme),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
  }
}

function toRow(user: UserRecord, isDeleted = false) {
  return {
    user_id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    scope_all: user.scope.all,
    scope_tags: user.scope.tags,
    password_hash: user.passwordHash,
    time_zone: user.timeZone,
    disabled: user.disabled,
    session_epoch: user.sessionEpoch,
    theme: user.theme,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
    version: user.version,
    is_deleted: isDeleted ? 1 : 0,
  }
}

export async function findUserByEmail(db: Database, email: string): Promise<UserRecord | null> {
  const rows = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users FINAL WHERE email = {email:String} AND is_deleted = 0 LIMIT 1`, {
    email: email.trim().toLowerCase(),
  })
  return rows[0] ? fromRow(rows[0]) : null
}

export async function findUserById(db: Database, id: string): Promise<UserRecord | null> {
  const rows = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users FINAL WHERE user_id = {id:String} AND is_deleted = 0 LIMIT 1`, { id })
  return rows[0] ? fromRow(rows[0]) : null
}

export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.query<{ c: number }>('SELECT toUInt32(count()) AS c FROM users FINAL WHERE is_deleted = 0')
  return Number(row?.c ?? 0)
}

export interface NewUser {
  email: string
  name: string
  role: Role
  scope: SessionUser['scope']
  passwordHash: string
  timeZone?: string
}

export async function createUser(db: Database, input: NewUser): Promise<UserRecord> {
  const now = new Date().toISOString()
  const user: UserRecord = {
    id: crypto.randomUUID(),
    email: input.email.trim().toLowerCase(),
    name: input.name,
    role: input.role,
    scope: input.scope,
    timeZone: input.timeZone ?? 'UTC',
    passwordHash: input.passwordHash,
    disabled: false,
    sessionEpoch: 0,
    theme: 'system',
    createdAt: now,
    updatedAt: now,
    version: nextRowVersion(),
  }
  await db.insert('users', [toRow(user)])
  return user
}

/** Writes a changed copy of the user as a new version. */
export async function saveUser(db: Database, user: UserRecord, changes: Partial<UserRecord>): Promise<UserRecord> {
  const next: UserRecord = { ...user, ...changes, updatedAt: new Date().toISOString(), version: nextRowVersion(user.version) }
  await db.insert('users', [toRow(next)])
  return next
}

/** Every user (not deleted), sorted by email. */
export async function listUsers(db: Database): Promise<UserRecord[]> {
  const rows = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users FINAL WHERE is_deleted = 0 ORDER BY email`)
  return rows.map(fromRow)
}

/** Deletes the user: a tombstone version that FINAL reads no longer return. */
export async function deleteUser(db: Database, user: UserRecord): Promise<void> {
  await db.insert('users', [toRow({ ...user, updatedAt: new Date().toISOString(), version: nextRowVersion(user.version) }, true)])
}
