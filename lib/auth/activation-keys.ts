// Activation keys `pbk_<prefix>_<secret>` for agents: generated once, stored as prefix + SHA-256 hash, checked per request.
import crypto from 'node:crypto'
import type { Database } from '@/clickhouse/client'
import { findActivationKeyByPrefix, recordActivationKeyUse, type ActivationKeyRecord } from '@/lib/repositories/activation-keys'
import { hashSecret, randomSecret, secretMatches } from './secrets'

export const ACTIVATION_KEY_PREFIX = 'pbk_'
const KEY_PATTERN = /^pbk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/
/** Last use is recorded at most this often per key (every request would add a row). */
const LAST_USE_INTERVAL_MS = 60_000

export function generateActivationKey(): { prefix: string; key: string; secretHash: string } {
  const prefix = crypto.randomBytes(6).toString('hex')
  const secret = randomSecret()
  return { prefix, key: `${ACTIVATION_KEY_PREFIX}${prefix}_${secret}`, secretHash: hashSecret(secret) }
}

export type KeyCheck =
  | { ok: true; key: ActivationKeyRecord }
  | { ok: false; code: 'NO_ACTIVATION_KEY' | 'INVALID_ACTIVATION_KEY' | 'ACTIVATION_KEY_REVOKED'; message: string }

const lastUseRecorded = new Map<string, number>()

/** Checks an Authorization header: a well-formed, known, unrevoked key whose secret matches (compared in constant time). */
export async function checkActivationKey(db: Database, authorization: string | null, now = new Date()): Promise<KeyCheck> {
  if (!authorization?.trim()) {
    return { ok: false, code: 'NO_ACTIVATION_KEY', message: 'No activation key: send "Authorization: Bearer pbk_…" with a key from Administration → Activation keys.' }
  }
  const [scheme, token = ''] = authorization.trim().split(/\s+/, 2)
  const match = scheme.toLowerCase() === 'bearer' ? KEY_PATTERN.exec(token) : null
  if (!match) {
    return { ok: false, code: 'INVALID_ACTIVATION_KEY', message: 'The Authorization header is not "Bearer pbk_<prefix>_<secret>" with an activation key.' }
  }
  const [, prefix, secret] = match
  const key = await findActivationKeyByPrefix(db, prefix)
  if (!key || !secretMatches(secret, key.secretHash)) {
    return { ok: false, code: 'INVALID_ACTIVATION_KEY', message: `The activation key pbk_${prefix}_… is unknown or its secret does not match.` }
  }
  if (key.revokedAt) {
    return { ok: false, code: 'ACTIVATION_KEY_REVOKED', message: `The activation key pbk_${prefix}_… was revoked at ${key.revokedAt}; ask an administrator for a new key.` }
  }
  if (now.getTime() - (lastUseRecorded.get(key.id) ?? 0) >= LAST_USE_INTERVAL_MS) {
    lastUseRecorded.set(key.id, now.getTime())
    await recordActivationKeyUse(db, key.id, now)
  }
  return { ok: true, key }
}
