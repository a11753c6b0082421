// Administration → Data import: upload files, the ingest history (uploads, agents, CLI) and the quarantine of rejected documents.
import { getDatabase } from '@/clickhouse/client'
import { DataImportUploader } from '@/components/DataImportUploader'
import { QuarantinePurge } from '@/components/QuarantinePurge'
import { requirePageUser } from '@/lib/auth/page'
import { can } from '@/lib/auth/policy'
import { formatDateTime } from '@/lib/format'
import { listActivationKeys } from '@/lib/repositories/activation-keys'
import { listIngestHistory } from '@/lib/repositories/ingest-history'
import { listQuarantine } from '@/lib/repositories/quarantine'

export const dynamic = 'force-dynamic'

const SOURCE_LABELS = { api: 'Agent API', upload: 'Upload', cli: 'CLI' } as const

export default async function DataImportPage() {
  const user = await requirePageUser('data.import')
  // The ingest history and the quarantine span every site (rejected documents carry no tags to trust): Administrators only.
  if (!can(user, 'data.quarantine')) return <DataImportHeader globalRecordsHidden />
  const db = await getDatabase()
  const [history, quarantine, keys] = await Promise.all([listIngestHistory(db, 50), listQuarantine(db, { limit: 50, offset: 0 }), listActivationKeys(db)])
  const tz = user.timeZone
  return (
    <>
      <DataImportHeader />

      <h2 className="section-title">Ingest history</h2>
      <div className="panel table-scroll">
        <table className="data" aria-label="Ingest history">
          <thead>
            <tr>
              <th>When ({tz})</th>
              <th>From</th>
              <th>File</th>
              <th className="num">Accepted</th>
              <th className="num">Rejected</th>
              <th className="num">Dupl.</th>
              <th className="num">Findings</th>
              <th className="num">Time</th>
              <th>Outcome</th>
            </tr>
          </thead>
          <tbody>
            {history.map((entry) => (
              <tr key={entry.ingestId}>
                <td className="nowrap">{formatDateTime(entry.startedAt, tz)}</td>
                <td>
                  {entry.actorLabel} <span className="muted">· {SOURCE_LABELS[entry.source] ?? entry.source}</span>
                </td>
                <td>
                  {entry.fileName || <span className="muted">request</span>} <span className="muted">· {entry.kind}</span>
                </td>
                <td className="num">{entry.accepted.toLocaleString('en')}</td>
                <td className="num">{entry.rejected > 0 ? <span className="count-missing">{entry.rejected.toLocaleString('en')}</span> : 0}</td>
                <td className="num">{entry.duplicates.toLocaleString('en')}</td>
                <td className="num">{entry.findings.toLocaleString('en')}</td>
                <td className="num nowrap">{(entry.durationMs / 1000).toFixed(1)} s</td>
                <td title={entry.message}>
                  <span className={`outcome outcome-${entry.outcome}`}>{entry.outcome === 'ok' ? 'OK' : entry.outcome === 'rejects' ? 'Rejects' : 'Failed'}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {history.length === 0 && <div className="empty">Nothing ingested yet.</div>}
      </div>

      <h2 className="section-title">Quarantine</h2>
      <p className="hint">
        {quarantine.total.toLocaleString('en')} rejected documents, kept exactly as received{quarantine.total > quarantine.rows.length ? ` (newest ${quarantine.rows.length} shown)` : ''}.
      </p>
      <QuarantinePurge keys={keys.map((key) => ({ id: key.id, label: `${key.title || 'Untitled'} (pbk_${key.prefix}_…)${key.revokedAt ? ' — revoked' : ''}` }))} />
      <div className="panel table-scroll">
        <table className="data" aria-label="Quarantine">
          <thead>
            <tr>
              <th>Received ({tz})</th>
              <th>Kind</th>
              <th className="num">Line</th>
              <th>Document</th>
              <th>Reason</th>
              <th className="num">Size</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {quarantine.rows.map((row) => (
              <tr key={row.id}>
                <td className="nowrap">{formatDateTime(row.receivedAt, tz)}</td>
                <td>{row.kind}</td>
                <td className="num">{row.line}</td>
                <td>{row.documentId || <span className="muted">—</span>}</td>
                <td>{row.reason}</td>
                <td className="num">
                  {row.bodyBytes.toLocaleString('en')} B{row.truncated ? ' (cut)' : ''}
                </td>
                <td>
                  <a href={`/api/v1/admin/quarantine/${encodeURIComponent(row.id)}`} download>
                    Download
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {quarantine.rows.length === 0 && <div className="empty">No rejected documents.</div>}
      </div>
    </>
  )
}

/** The title and the upload; for everyone but Administrators, with a plain note that the history and quarantine are global. */
function DataImportHeader({ globalRecordsHidden = false }: { globalRecordsHidden?: boolean }) {
  return (
    <>
      <h1>Data import</h1>
      <p className="subtitle">Upload scan results, patch catalog entries or job results. Each document is accepted or rejected on its own; rejected ones are kept in the quarantine.</p>
      <DataImportUploader />
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
