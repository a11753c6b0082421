// Administration → Audit log: who changed what and when, with before/after, filtered with `field:value` terms, exportable as CSV.
import { getDatabase } from '@/clickhouse/client'
import { DataTable, type Column } from '@/components/DataTable'
import { requirePageUser } from '@/lib/auth/page'
import { DomainError } from '@/lib/errors'
import { formatDateTime } from '@/lib/format'
import type { AuditRecord } from '@/lib/repositories/audit'
import { AUDIT_FILTER_FIELDS, auditQuerySchema, listAudit } from '@/lib/services/audit-log'
import { readListInput } from '@/lib/services/page-input'

export const dynamic = 'force-dynamic'

function Change({ entry }: { entry: AuditRecord }) {
  if (!entry.before && !entry.after) return <span className="muted">—</span>
  return (
    <details>
      <summary>{entry.before && entry.after ? 'before → after' : entry.after ? 'after' : 'before'}</summary>
      {entry.before && <pre className="audit-json">before: {entry.before}</pre>}
      {entry.after && <pre className="audit-json">after: {entry.after}</pre>}
    </details>
  )
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('audit.view')
  const input = readListInput(auditQuerySchema, await searchParams)
  let page: { total: number; rows: AuditRecord[] } = { total: 0, rows: [] }
  let filterError: string | null = null
  try {
    page = await listAudit(await getDatabase(), input)
  } catch (error) {
    if (!(error instanceof DomainError && error.kind === 'invalid')) throw error
    filterError = error.message
  }
  const columns: Column<AuditRecord>[] = [
    { label: `When (${user.timeZone})`, render: (e) => formatDateTime(e.at, user.timeZone) },
    { label: 'Who', render: (e) => e.actorEmail },
    { label: 'Action', render: (e) => <code>{e.action}</code> },
    { label: 'Entity', render: (e) => `${e.entity} ${e.entityId}` },
    { label: 'Change', render: (e) => <Change entry={e} /> },
  ]
  const exportHref = `/api/v1/audit?${new URLSearchParams({ format: 'csv', q: input.q }).toString()}`
  return (
    <>
      <h1>Audit log</h1>
      <p className="subtitle">Every administrative change: who, when, what, and the state before and after.</p>
      <form className="filter-bar" method="get">
        <input name="q" defaultValue={input.q} aria-label="Filter" placeholder='e.g. actor:admin@example.com action:user.* after:2026-11-01 "Site-Berlin"' />
        <button type="submit">Filter</button>
        <a className="button secondary" href={exportHref}>
          Export CSV
        </a>
      </form>
      <p className="muted hint">Fields: {Object.keys(AUDIT_FILTER_FIELDS).join(', ')} · `*` matches any text · other words search the whole entry.</p>
      {filterError && (
        <div className="error" role="alert">
          {filterError}
        </div>
      )}
      <DataTable
        caption="audit entries"
        basePath="/administration/audit"
        columns={columns}
        rows={page.rows}
        rowKey={(e) => `${e.at}-${e.action}-${e.entityId}-${e.actorId}`}
        total={page.total}
        state={{ sort: 'at', dir: 'desc', page: input.page, pageSize: input.pageSize }}
        keep={{ q: input.q }}
      />
    </>
  )
}
