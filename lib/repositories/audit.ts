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

export type AuditField = 'actor' | 'action' | 'entity' | 'entityId' | 'text'

/** A parsed audit-log filter: every term must hold (`*` in a pattern matches any text), plus an optional time range. */
export interface AuditFilter {
  terms: { field: AuditField; pattern: string }[]
  after?: string
  before?: string
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

const AUDIT_COLUMN: Record<Exclude<AuditField, 'text'>, string> = {
  actor: 'actor_email',
  action: 'action',
  entity: 'entity',
  entityId: 'entity_id',
}

/** A user pattern as an ILIKE pattern: LIKE's own wildcards are escaped, `*` becomes `%`. */
function likePattern(pattern: string): string {
  return pattern.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, '%')
}

function auditWhere(filter: AuditFilter): { where: string; params: Record<string, unknown> } {
  const conditions: string[] = []
  const params: Record<string, unknown> = {}
  filter.terms.forEach((term, i) => {
    const name = `t${i}`
    if (term.field === 'text') {
      params[name] = term.pattern
      conditions.push(
        `(positionCaseInsensitiveUTF8(before, {${name}:String}) > 0 OR positionCaseInsensitiveUTF8(after, {${name}:String}) > 0
          OR positionCaseInsensitiveUTF8(entity_id, {${name}:String}) > 0 OR positionCaseInsensitiveUTF8(actor_email, {${name}:String}) > 0)`,
      )
    } else {
      params[name] = likePattern(term.pattern)
      conditions.push(`${AUDIT_COLUMN[term.field]} ILIKE {${name}:String}`)
    }
  })
  if (filter.after) {
    params.after = filter.after
    conditions.push('at >= parseDateTime64BestEffort({after:String}, 3)')
  }
  if (filter.before) {
    params.before = filter.before
    conditions.push('at < parseDateTime64BestEffort({before:String}, 3)')
  }
  return { where: conditions.length > 0 ? conditions.join(' AND ') : '1', params }
}

const AUDIT_COLUMNS = 'at, actor_id AS actorId, actor_email AS actorEmail, action, entity, entity_id AS entityId, before, after'

/** Matching entries, newest first, and how many match in all. */
export async function listAuditEntries(db: Database, filter: AuditFilter, page: { limit: number; offset: number }): Promise<{ total: number; rows: AuditRecord[] }> {
  const { where, params } = auditWhere(filter)
  const [rows, [count]] = await Promise.all([
    db.query<AuditRecord>(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE ${where} ORDER BY at DESC LIMIT {limit:UInt32} OFFSET {offset:UInt32}`, { ...params, ...page }),
    db.query<{ total: number }>(`SELECT toUInt32(count()) AS total FROM audit_log WHERE ${where}`, params),
  ])
  return { total: Number(count?.total ?? 0), rows }
}
