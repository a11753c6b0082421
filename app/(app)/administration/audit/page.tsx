// Administration → Audit log: who changed what and when, with before/after, searched with QQL (the audit tokens), exportable as CSV.
import { getDatabase } from '@/clickhouse/client'
import { gridData, type ColumnDef } from '@/components/ui/grid/columns'
import { DataGrid } from '@/components/ui/grid/DataGrid'
import { QqlSearchBox } from '@/components/search/QqlSearchBox'
import { requirePageUser } from '@/lib/auth/page'
import { DomainError } from '@/lib/errors'
import { formatDateTime, timeHeader } from '@/lib/format'
import type { AuditRecord } from '@/lib/repositories/audit'
import { CURRENT_TOKEN_VERSION, tokensFor } from '@/lib/qql'
import { auditQuerySchema, listAudit } from '@/lib/services/audit-log'
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
  try {
    page = await listAudit(await getDatabase(), user, input)
  } catch (error) {
    // The search box shows the query's errors where they are (it checks the same query in the browser).
    if (!(error instanceof DomainError && error.kind === 'invalid')) throw error
  }
  const columns: ColumnDef<AuditRecord>[] = [
    { id: 'when', header: timeHeader('When', user.timeZone), hideable: false, cell: (e) => formatDateTime(e.at, user.timeZone) },
    { id: 'who', header: 'Who', cell: (e) => e.actorEmail },
    { id: 'action', header: 'Action', cell: (e) => <code>{e.action}</code> },
    { id: 'entity', header: 'Entity', cell: (e) => `${e.entity} ${e.entityId}` },
    { id: 'change', header: 'Change', cell: (e) => <Change entry={e} /> },
  ]
  const exportHref = `/api/v1/audit?${new URLSearchParams({ format: 'csv', q: input.q }).toString()}`
  return (
    <>
      <h1>Audit log</h1>
      <p className="subtitle">Every administrative change: who, when, what, and the state before and after.</p>
      <section className="search-bar" aria-label="Search">
        <QqlSearchBox
          key={input.q}
          entity="audit"
          basePath="/administration/audit"
          initialQuery={input.q}
          initialVersion={CURRENT_TOKEN_VERSION}
          recent={[]}
          placeholder="e.g. action: user.* AND time > now-7d AND NOT actor: system"
          suggestUrl="/api/v1/audit/suggest"
        />
        <div className="search-tools">
          <p className="muted hint">Tokens: {tokensFor('audit').map((token) => token.name).join(', ')} · `*` matches any text</p>
          <a className="button secondary" href={exportHref}>
            Export CSV
          </a>
        </div>
      </section>
      <DataGrid
        tableId="audit"
        userId={user.id}
        label="Audit log"
        noun="audit entries"
        {...gridData(columns, page.rows, (e) => `${e.at}-${e.action}-${e.entityId}-${e.actorId}`)}
        paging={{ basePath: '/administration/audit', keep: { q: input.q }, sort: 'at', dir: 'desc', page: input.page, pageSize: input.pageSize, total: page.total }}
      />
    </>
  )
}
