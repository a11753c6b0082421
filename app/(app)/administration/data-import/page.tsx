// Administration → Data import: upload files, the ingest history (uploads, agents, CLI) and the quarantine of rejected documents.
import { getDatabase } from '@/clickhouse/client'
import { DataImportUploader } from '@/components/DataImportUploader'
import { QuarantinePurge } from '@/components/QuarantinePurge'
import { gridData, type ColumnDef } from '@/components/ui/grid/columns'
import { DataGrid } from '@/components/ui/grid/DataGrid'
import { Tooltip } from '@/components/ui/Tooltip'
import { requirePageUser } from '@/lib/auth/page'
import { can } from '@/lib/auth/policy'
import { formatDateTime, timeHeader } from '@/lib/format'
import { listActivationKeys } from '@/lib/repositories/activation-keys'
import { listIngestHistory, type IngestHistoryEntry } from '@/lib/repositories/ingest-history'
import { listQuarantine, type QuarantineSummary } from '@/lib/repositories/quarantine'

export const dynamic = 'force-dynamic'

const SOURCE_LABELS = { api: 'Agent API', upload: 'Upload', cli: 'CLI' } as const
const OUTCOME_LABELS = { ok: 'OK', rejects: 'Rejects', failed: 'Failed' } as const

export default async function DataImportPage() {
  const user = await requirePageUser('data.import')
  // The ingest history and the quarantine span every site (rejected documents carry no tags to trust): Administrators only.
  if (!can(user, 'data.quarantine')) return <DataImportHeader userId={user.id} globalRecordsHidden />
  const db = await getDatabase()
  const [history, quarantine, keys] = await Promise.all([listIngestHistory(db, 50), listQuarantine(db, { limit: 50, offset: 0 }), listActivationKeys(db)])
  const tz = user.timeZone
  const count = (n: number) => n.toLocaleString('en')
  const historyColumns: ColumnDef<IngestHistoryEntry>[] = [
    { id: 'when', header: timeHeader('When', tz), hideable: false, cell: (e) => <span className="nowrap">{formatDateTime(e.startedAt, tz)}</span> },
    { id: 'from', header: 'From', cell: (e) => <>{e.actorLabel} <span className="muted">· {SOURCE_LABELS[e.source] ?? e.source}</span></> },
    { id: 'file', header: 'File', cell: (e) => <>{e.fileName || <span className="muted">request</span>} <span className="muted">· {e.kind}</span></> },
    { id: 'accepted', header: 'Accepted', numeric: true, cell: (e) => count(e.accepted) },
    { id: 'rejected', header: 'Rejected', numeric: true, cell: (e) => (e.rejected > 0 ? <span className="count-missing">{count(e.rejected)}</span> : 0) },
    { id: 'duplicates', header: 'Dupl.', numeric: true, cell: (e) => count(e.duplicates) },
    { id: 'findings', header: 'Findings', numeric: true, cell: (e) => count(e.findings) },
    { id: 'time', header: 'Time', numeric: true, cell: (e) => <span className="nowrap">{(e.durationMs / 1000).toFixed(1)} s</span> },
    {
      id: 'outcome',
      header: 'Outcome',
      cell: (e) => {
        const badge = <span className={`outcome outcome-${e.outcome}`}>{OUTCOME_LABELS[e.outcome] ?? e.outcome}</span>
        return e.message ? (
          <Tooltip content={e.message}>
            <button type="button" className="link" aria-label={`${OUTCOME_LABELS[e.outcome] ?? e.outcome}: ${e.message}`}>
              {badge}
            </button>
          </Tooltip>
        ) : (
          badge
        )
      },
    },
  ]
  const quarantineColumns: ColumnDef<QuarantineSummary>[] = [
    { id: 'received', header: timeHeader('Received', tz), hideable: false, cell: (r) => <span className="nowrap">{formatDateTime(r.receivedAt, tz)}</span> },
    { id: 'kind', header: 'Kind', cell: (r) => r.kind },
    { id: 'line', header: 'Line', numeric: true, cell: (r) => r.line },
    { id: 'document', header: 'Document', cell: (r) => r.documentId || <span className="muted">—</span> },
    { id: 'reason', header: 'Reason', cell: (r) => r.reason },
    { id: 'size', header: 'Size', numeric: true, cell: (r) => `${count(r.bodyBytes)} B${r.truncated ? ' (cut)' : ''}` },
    {
      id: 'download',
      header: 'Download',
      hideable: false,
      cell: (r) => (
        <a href={`/api/v1/admin/quarantine/${encodeURIComponent(r.id)}`} download>
          Download
        </a>
      ),
    },
  ]
  return (
    <>
      <DataImportHeader userId={user.id} />

      <h2 className="section-title">Ingest history</h2>
      <DataGrid tableId="ingest-history" userId={user.id} label="Ingest history" noun="recent ingests" {...gridData(historyColumns, history, (e) => e.ingestId)} emptyText="Nothing ingested yet." />

      <h2 className="section-title">Quarantine</h2>
      <p className="hint">
        {count(quarantine.total)} rejected documents, kept exactly as received{quarantine.total > quarantine.rows.length ? ` (newest ${quarantine.rows.length} shown)` : ''}.
      </p>
      <QuarantinePurge keys={keys.map((key) => ({ id: key.id, label: `${key.title || 'Untitled'} (pbk_${key.prefix}_…)${key.revokedAt ? ' — revoked' : ''}` }))} />
      <DataGrid tableId="quarantine" userId={user.id} label="Quarantine" noun="rejected documents shown" {...gridData(quarantineColumns, quarantine.rows, (r) => r.id)} emptyText="No rejected documents." />
    </>
  )
}

/** The title and the upload; for everyone but Administrators, with a plain note that the history and quarantine are global. */
function DataImportHeader({ userId, globalRecordsHidden = false }: { userId: string; globalRecordsHidden?: boolean }) {
  return (
    <>
      <h1>Data import</h1>
      <p className="subtitle">Upload scan results, patch catalog entries or job results. Each document is accepted or rejected on its own; rejected ones are kept in the quarantine.</p>
      <DataImportUploader userId={userId} />
      {globalRecordsHidden && (
        <>
          <h2 className="section-title">Ingest history and quarantine</h2>
          <p className="hint" data-testid="global-records-note">
            The ingest history and the quarantine are global: they hold every site&apos;s documents, whatever your tag scope, so only Administrators see them. The report of each
            of your uploads above lists what it rejected.
          </p>
        </>
      )}
    </>
  )
}
