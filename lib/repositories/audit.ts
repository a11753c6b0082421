// The append-only audit log: who changed what, when, with the state before and after.
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { ENTITY_SOURCES } from '@/lib/qql'
import type { SqlFilter } from './paging'

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

export interface AuditRecord {
  at: string
  actorId: string
  actorEmail: string
  action: string
  entity: string
  entityId: string
  before: string
  after: string
}

const AUDIT_COLUMNS = 'l.at AS at, l.actor_id AS actorId, l.actor_email AS actorEmail, l.action AS action, l.entity AS entity, l.entity_id AS entityId, l.before AS before, l.after AS after'

/**
 * Entries matching a filter compiled by QQL's `audit` entity (over `ENTITY_SOURCES.audit`, i.e. `audit_log AS l`),
 * newest first, and how many match in all.
 */
export async function listAuditEntries(db: Database, filter: SqlFilter, page: { limit: number; offset: number }): Promise<{ total: number; rows: AuditRecord[] }> {
  const { where, params } = filter
  const [rows, [count]] = await Promise.all([
    db.query<AuditRecord>(`SELECT ${AUDIT_COLUMNS} FROM ${ENTITY_SOURCES.audit} WHERE ${where} ORDER BY l.at DESC LIMIT {limit:UInt32} OFFSET {offset:UInt32}`, { ...params, ...page }),
    db.query<{ total: number }>(`SELECT toUInt32(count()) AS total FROM ${ENTITY_SOURCES.audit} WHERE ${where}`, params),
  ])
  return { total: Number(count?.total ?? 0), rows }
}
