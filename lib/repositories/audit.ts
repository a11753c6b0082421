// The append-only audit log: who changed what, when, with the state before and after.
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'

export interface AuditEntry {
  actor: Pick<SessionUser, 'id' | 'email'> | { id: 'system'; email: 'system' }
  /** What happened, e.g. `user.create`, `activationKey.revoke`. */
  action: string
  /** The kind of thing changed, e.g. `user`, `activationKey`. */
  entity: string
  entityId: string
  before?: unknown
  after?: unknown
}

/** Secrets never reach the log: fields named like hashes, passwords or tokens are dropped before writing. */
function redact(value: unknown): string {
  if (value === undefined || value === null) return ''
  return JSON.stringify(value, (key, inner) => (/hash|password|secret|token$/i.test(key) ? undefined : inner))
}

export async function appendAudit(db: Database, entry: AuditEntry, at = new Date()): Promise<void> {
  await db.insert('audit_log', [
    {
      at: at.toISOString(),
      actor_id: entry.actor.id,
      actor_email: entry.actor.email,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      before: redact(entry.before),
      after: redact(entry.after),
    },
  ])
}
