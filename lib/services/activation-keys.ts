// Creating and revoking activation keys: the admin actions, each written to the audit log.
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import { generateActivationKey } from '@/lib/auth/activation-keys'
import type { SessionUser } from '@/lib/auth/user'
import { conflict, notFound } from '@/lib/errors'
import { findActivationKeyById, listActivationKeys, saveActivationKey, type ActivationKeyListing, type ActivationKeyRecord } from '@/lib/repositories/activation-keys'
import { appendAudit, type AuditEntry } from '@/lib/repositories/audit'
import { nextRowVersion } from '@/lib/repositories/versioning'
import type { createActivationKeyInput } from '@/lib/schemas/activation-keys'

// The input schema lives in lib/schemas (pure, shared with the browser form).
export { createActivationKeyInput } from '@/lib/schemas/activation-keys'

/** A listed key with what the page shows: its display prefix and status (Revoked once revoked). */
export type ActivationKeyView = ActivationKeyListing & { displayPrefix: string; status: 'Active' | 'Revoked' }

export async function listActivationKeyViews(db: Database): Promise<ActivationKeyView[]> {
  return (await listActivationKeys(db)).map((key) => ({ ...key, displayPrefix: `pbk_${key.prefix}_…`, status: key.revokedAt ? 'Revoked' : 'Active' }))
}

/** What an admin sees of a key; the whole key only once, when it is created. */
export function describeKey(key: ActivationKeyRecord) {
  const { secretHash: _hash, ...rest } = key
  return { ...rest, displayPrefix: `pbk_${key.prefix}_…` }
}

/** `actor` is the admin, or `system` for the demo estate's key made on first start. */
export async function createActivationKey(db: Database, actor: AuditEntry['actor'], input: z.infer<typeof createActivationKeyInput>) {
  const generated = generateActivationKey()
  const now = new Date().toISOString()
  const record: ActivationKeyRecord = {
    id: crypto.randomUUID(),
    prefix: generated.prefix,
    secretHash: generated.secretHash,
    title: input.title,
    tags: [...new Set(input.tags)],
    createdBy: actor.email,
    createdAt: now,
    revokedAt: null,
    version: nextRowVersion(),
  }
  await saveActivationKey(db, record)
  await appendAudit(db, { actor, action: 'activationKey.create', entity: 'activationKey', entityId: record.id, after: describeKey(record) })
  return { ...describeKey(record), key: generated.key }
}

export async function revokeActivationKey(db: Database, actor: SessionUser, id: string) {
  const key = await findActivationKeyById(db, id)
  if (!key) throw notFound(`No activation key with id ${id}.`)
  if (key.revokedAt) throw conflict('ALREADY_REVOKED', `The activation key pbk_${key.prefix}_… was already revoked at ${key.revokedAt}.`)
  const revoked: ActivationKeyRecord = { ...key, revokedAt: new Date().toISOString(), version: nextRowVersion(key.version) }
  await saveActivationKey(db, revoked)
  await appendAudit(db, { actor, action: 'activationKey.revoke', entity: 'activationKey', entityId: id, before: describeKey(key), after: describeKey(revoked) })
  return describeKey(revoked)
}
