// The progress page's per-asset columns: asset, status badge, message, reported time in the user's zone, per-patch outcomes.
import Link from 'next/link'
import type { ColumnDef } from '@/components/ui/grid/columns'
import { formatDateTime, timeHeader } from '@/lib/format'
import type { RunAssetProgress } from '@/lib/schemas/job-runs'
import { groupOf } from './status-groups'

export function RunStatusBadge({ status }: { status: string }) {
  return <span className={`run-status run-status-${groupOf(status)}`}>{status}</span>
}

/** "2 patches: 1 Installed, 1 Failed", expandable to each patch's outcome and message. */
function PatchOutcomes({ patches }: { patches: RunAssetProgress['patches'] }) {
  if (patches.length === 0) return <span className="muted">No patch results yet</span>
  const tally = new Map<string, number>()
  for (const patch of patches) tally.set(patch.status, (tally.get(patch.status) ?? 0) + 1)
  const summary = [...tally].map(([status, n]) => `${n} ${status}`).join(', ')
  return (
    <details className="patch-outcomes">
      <summary>
        {patches.length} {patches.length === 1 ? 'patch' : 'patches'}: {summary}
      </summary>
      <ul>
        {patches.map((patch) => (
          <li key={patch.id}>
            <RunStatusBadge status={patch.status} /> <Link href={`/patches/${encodeURIComponent(patch.id)}`}>{patch.title || patch.id}</Link>
            {patch.message && <span className="muted"> — {patch.message}</span>}
          </li>
        ))}
      </ul>
    </details>
  )
}

export function runAssetColumns(timeZone: string): ColumnDef<RunAssetProgress>[] {
  return [
    { id: 'asset', header: 'Asset', hideable: false, nowrap: true, cell: (row) => <Link href={`/assets/${encodeURIComponent(row.assetId)}`}>{row.assetName || row.assetId}</Link> },
    { id: 'status', header: 'Status', nowrap: true, cell: (row) => <RunStatusBadge status={row.status} /> },
    { id: 'message', header: 'Message', cell: (row) => row.message || '—' },
    { id: 'reported', header: timeHeader('Reported', timeZone), nowrap: true, cell: (row) => (row.reportedAt ? formatDateTime(row.reportedAt, timeZone) : 'Not yet') },
    { id: 'patches', header: 'Patch outcomes', cell: (row) => <PatchOutcomes patches={row.patches} /> },
  ]
}
