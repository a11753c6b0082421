// Administration → Audit log: searched with QQL's `audit` entity (`action: user.* AND time > now-7d`), listed and exported as CSV.
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { invalid } from '@/lib/errors'
import { compileQql } from '@/lib/qql'
import { appendAudit, listAuditEntries, type AuditRecord } from '@/lib/repositories/audit'
import { pageNumberSchema, pageParams, pageSizeSchema, type SqlFilter } from '@/lib/repositories/paging'
import { qqlSuggestQuery } from './search'

export const auditQuerySchema = z.object({
  q: z.string().max(10_000).default('').describe('A QQL query over the audit tokens (time, actor, action, target, targetId, before, after, text)'),
  page: pageNumberSchema,
  pageSize: pageSizeSchema,
  format: z.enum(['json', 'csv']).default('json'),
})
export type AuditQuery = z.infer<typeof auditQuerySchema>

/** Autocomplete of an audit-log query (the entity is always `audit`). */
export const auditSuggestQuery = qqlSuggestQuery.omit({ entity: true })

export const auditEntrySchema = z.object({
  at: z.string(),
  actorId: z.string(),
  actorEmail: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.string().describe('JSON of the state before (empty for a creation); secrets never appear'),
  after: z.string().describe('JSON of the state after (empty for a deletion)'),
})
export const auditPageSchema = z.object({ total: z.number(), rows: z.array(auditEntrySchema) })

/** At most this many entries go into one export. */
export const AUDIT_EXPORT_LIMIT = 100_000

/**
 * The QQL query as a filter over the log, or a 400 listing every error with its position. The log is not tag-scoped (it
 * is for audit.view holders); dates are read in the user's time zone and outside the years the log holds are refused.
 */
export function auditFilter(query: string, user: Pick<SessionUser, 'scope' | 'timeZone'>): SqlFilter {
  const compiled = compileQql({ query, entity: 'audit', user })
  if (!compiled.ok) throw invalid('INVALID_QUERY', `Invalid query: ${compiled.errors.map((error) => error.message).join('; ')}`, { errors: compiled.errors })
  return { where: compiled.where, params: compiled.params }
}

export async function listAudit(db: Database, user: SessionUser, query: AuditQuery): Promise<{ total: number; rows: AuditRecord[] }> {
  return listAuditEntries(db, auditFilter(query.q, user), pageParams(query.page, query.pageSize))
}

const CSV_COLUMNS: (keyof AuditRecord)[] = ['at', 'actorEmail', 'actorId', 'action', 'entity', 'entityId', 'before', 'after']

/** A CSV cell: quoted, and a leading formula character neutralised so spreadsheets show text, not a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return `"${safe.replace(/"/g, '""')}"`
}

/** The matching entries as CSV (newest first); the export itself is audited. */
export async function exportAuditCsv(db: Database, user: SessionUser, query: AuditQuery): Promise<Response> {
  const { rows } = await listAuditEntries(db, auditFilter(query.q, user), { limit: AUDIT_EXPORT_LIMIT, offset: 0 })
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((column) => csvCell(String(row[column]))).join(','))]
  await appendAudit(db, { actor: user, action: 'audit.export', entity: 'auditLog', entityId: '', after: { filter: query.q, rows: rows.length } })
  return new Response(`${lines.join('\r\n')}\r\n`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="patchboard-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
    },
  })
}
