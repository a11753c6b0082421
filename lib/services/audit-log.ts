// Administration → Audit log: the filter language (`actor:… action:user.* after:2026-01-01 "text"`), listing and CSV export.
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { invalid } from '@/lib/errors'
import { appendAudit, listAuditEntries, type AuditField, type AuditFilter, type AuditRecord } from '@/lib/repositories/audit'
import { pageNumberSchema, pageParams, pageSizeSchema } from '@/lib/repositories/paging'

export const AUDIT_FILTER_FIELDS: Record<string, AuditField | 'after' | 'before'> = {
  actor: 'actor',
  action: 'action',
  entity: 'entity',
  id: 'entityId',
  after: 'after',
  before: 'before',
}

export const auditQuerySchema = z.object({
  q: z.string().max(2000).default(''),
  page: pageNumberSchema,
  pageSize: pageSizeSchema,
  format: z.enum(['json', 'csv']).default('json'),
})
export type AuditQuery = z.infer<typeof auditQuerySchema>

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

/** The years the log's DateTime64 timestamps hold; a date outside them (`after:99999-01-01`) is refused, not sent to the engine. */
const FILTER_YEARS = { min: 1900, max: 2299 }

function readFilterDate(value: string, position: number): string {
  const ms = Date.parse(value)
  if (Number.isNaN(ms)) throw invalid('INVALID_FILTER', `"${value}" at position ${position + 1} is not a date (use e.g. 2026-11-01 or 2026-11-01T08:00Z).`, { position })
  const year = new Date(ms).getUTCFullYear()
  if (year < FILTER_YEARS.min || year > FILTER_YEARS.max) {
    throw invalid('INVALID_FILTER', `"${value}" at position ${position + 1} is outside the dates the log holds (years ${FILTER_YEARS.min} to ${FILTER_YEARS.max}).`, { position })
  }
  return new Date(ms).toISOString()
}

const TERM = /\s*(?:(\w+):)?(?:"([^"]*)"|(\S+))/y

/** Parses `field:value` terms (values may be "quoted"; `*` is a wildcard) and free words; errors name the position. */
export function parseAuditFilter(text: string): AuditFilter {
  const filter: AuditFilter = { terms: [] }
  const term = new RegExp(TERM)
  let match: RegExpExecArray | null
  while (term.lastIndex < text.trimEnd().length && (match = term.exec(text))) {
    const [whole, fieldName, quoted, bare] = match
    const value = quoted ?? bare
    const position = match.index + whole.length - whole.trimStart().length
    if (fieldName === undefined) {
      filter.terms.push({ field: 'text', pattern: value })
      continue
    }
    const field = AUDIT_FILTER_FIELDS[fieldName]
    if (!field) {
      throw invalid('INVALID_FILTER', `Unknown field "${fieldName}" at position ${position + 1}: use ${Object.keys(AUDIT_FILTER_FIELDS).join(', ')}.`, { position, expected: Object.keys(AUDIT_FILTER_FIELDS) })
    }
    if (field === 'after' || field === 'before') {
      filter[field] = readFilterDate(value, position)
    } else {
      filter.terms.push({ field, pattern: value })
    }
  }
  return filter
}

export async function listAudit(db: Database, query: AuditQuery): Promise<{ total: number; rows: AuditRecord[] }> {
  return listAuditEntries(db, parseAuditFilter(query.q), pageParams(query.page, query.pageSize))
}

const CSV_COLUMNS: (keyof AuditRecord)[] = ['at', 'actorEmail', 'actorId', 'action', 'entity', 'entityId', 'before', 'after']

/** A CSV cell: quoted, and a leading formula character neutralised so spreadsheets show text, not a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return `"${safe.replace(/"/g, '""')}"`
}

/** The matching entries as CSV (newest first); the export itself is audited. */
export async function exportAuditCsv(db: Database, user: SessionUser, query: AuditQuery): Promise<Response> {
  const { rows } = await listAuditEntries(db, parseAuditFilter(query.q), { limit: AUDIT_EXPORT_LIMIT, offset: 0 })
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((column) => csvCell(String(row[column]))).join(','))]
  await appendAudit(db, { actor: user, action: 'audit.export', entity: 'auditLog', entityId: '', after: { filter: query.q, rows: rows.length } })
  return new Response(`${lines.join('\r\n')}\r\n`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="patchboard-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
    },
  })
}
