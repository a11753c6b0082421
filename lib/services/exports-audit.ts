// The audit entry of every export, direct download or background job: who, entity, query, columns, rows, format, bytes.
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { appendAudit } from '@/lib/repositories/audit'

export interface ExportAuditFacts {
  entity: string
  format: 'csv' | 'xlsx'
  query: string
  /** Token version of the query. */
  version: number
  columns: readonly string[]
  rows: number
  bytes: number
  /** The job's id for a background export; absent for a direct download. */
  jobId?: string
  /** A widget's data (entity `widget`): the dashboard and the widget it came from. */
  dashboardId?: string
  widgetId?: string
}

/**
 * Records one export in the audit log: `export.download` (a direct download; call it when the response has been
 * written, with its row and byte counts) or `export.job` (a background job that finished).
 */
export async function auditExport(db: Database, user: Pick<SessionUser, 'id' | 'email'>, facts: ExportAuditFacts): Promise<void> {
  const { jobId, ...after } = facts
  await appendAudit(db, {
    actor: { id: user.id, email: user.email },
    action: jobId ? 'export.job' : 'export.download',
    entity: 'export',
    entityId: jobId ?? facts.entity,
    after: { ...after, columns: [...facts.columns] },
  })
}
