// GET /api/v1/audit: the audit log searched with QQL (`q`, the audit tokens), paged as JSON or exported as CSV (format=csv).
import { apiRoute } from '@/lib/http/api'
import { auditQuerySchema, exportAuditCsv, listAudit } from '@/lib/services/audit-log'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'audit.view', query: auditQuerySchema }, ({ db, user, query }) =>
  query.format === 'csv' ? exportAuditCsv(db, user, query) : listAudit(db, user, query),
)
