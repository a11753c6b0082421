// Personal API tokens `pbt_<id>_<secret>`: generated once, stored as a SHA-256 hash, resolved to their user per request.
import crypto from 'node:crypto'
import type { Database } from '@/clickhouse/client'
import { findApiTokenById, type ApiTokenRecord } from '@/lib/repositories/api-tokens'
import { findUserById } from '@/lib/repositories/users'
import { hashSecret, randomSecret, secretMatches } from './secrets'
import { toSessionUser, type SessionUser } from './user'

export const API_TOKEN_PREFIX = 'pbt_'
const TOKEN_PATTERN = /^pbt_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/

export interface GeneratedApiToken {
  id: string
  /** The whole token, shown to its owner once and never stored. */
  token: string
  secretHash: string
}

export function generateApiToken(): GeneratedApiToken {
  const id = crypto.randomBytes(8).toString('hex')
  const secret = randomSecret()
  return { id, token: `${API_TOKEN_PREFIX}${id}_${secret}`, secretHash: hashSecret(secret) }
}

export function parseApiToken(token: string): { id: string; secret: string } | null {
  const match = TOKEN_PATTERN.exec(token)
  return match ? { id: match[1], secret: match[2] } : null
}

export function isTokenUsable(token: Pick<ApiTokenRecord, 'revokedAt' | 'expiresAt'>, now = new Date()): boolean {
  if (token.revokedAt) return false
  return !token.expiresAt || Date.parse(token.expiresAt) > now.getTime()
}

/**
 * The user a bearer token acts as, or null for a malformed, unknown, revoked or expired token or a disabled or
 * deleted user. Read from the database on every request (no cache), so revoking or disabling works at once.
 */
export async function resolveApiToken(db: Database, token: string, now = new Date()): Promise<SessionUser | null> {
  const parsed = parseApiToken(token)
  if (!parsed) return null
  const record = await findApiTokenById(db, parsed.id)
  if (!record || !secretMatches(parsed.secret, record.secretHash) || !isTokenUsable(record, now)) return null
  const user = await findUserById(db, record.userId)
  if (!user || user.disabled) return null
  return { ...toSessionUser(user), apiToken: { id: record.id, expiresAt: record.expiresAt } }
}
