// Findings: one row per asset × patch (current status), searched with QQL across asset and patch tokens.
import Link from 'next/link'
import { getDatabase } from '@/clickhouse/client'
import type { ColumnDef } from '@/components/ui/grid/columns'
import { ListScreen } from '@/components/lists/ListScreen'
import { can } from '@/lib/auth/policy'
import { requirePageUser } from '@/lib/auth/page'
import { formatDate, timeHeader } from '@/lib/format'
import type { FindingListRow } from '@/lib/repositories/findings'
import { fetchFindingPage, findingListQuery } from '@/lib/services/lists'
import { readListInput } from '@/lib/services/page-input'
import { FINDING_QUICK_FILTERS } from '@/lib/services/quick-filters'
import { recentSearchesFor, searchForPage, searchKeep } from '@/lib/services/search'

export const dynamic = 'force-dynamic'

export default async function FindingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('assets.view')
  const input = readListInput(findingListQuery, await searchParams)
  const db = await getDatabase()
  const search = await searchForPage(db, user, 'findings', input.q, input.v)
  const recent = await recentSearchesFor(db, user, 'findings')
  const page = search.ok ? await fetchFindingPage(db, user, input) : null
  const columns: ColumnDef<FindingListRow>[] = [
    { id: 'asset', header: 'Asset', sortKey: 'asset', hideable: false, nowrap: true, cell: (f) => <Link href={`/assets/${encodeURIComponent(f.assetId)}`}>{f.assetName}</Link> },
    { id: 'patch', header: 'Patch', sortKey: 'patch', cell: (f) => <Link href={`/patches/${encodeURIComponent(f.patchId)}`}>{f.patchTitle}</Link> },
    { id: 'vendorSeverity', header: 'Severity', sortKey: 'vendorSeverity', cell: (f) => <span className={`sev sev-${f.vendorSeverity}`}>{f.vendorSeverity}</span> },
    { id: 'kb', header: 'KB', cell: (f) => f.kb || '—' },
    { id: 'status', header: 'Status', sortKey: 'status', cell: (f) => <span className={f.status === 'Missing' ? 'count-missing' : undefined}>{f.status}</span> },
    { id: 'firstSeen', header: timeHeader('First seen', user.timeZone), sortKey: 'firstSeen', cell: (f) => formatDate(f.firstSeenAt, user.timeZone) },
    { id: 'installed', header: timeHeader('Installed', user.timeZone), sortKey: 'installed', cell: (f) => (f.installedAt ? formatDate(f.installedAt, user.timeZone) : '—') },
  ]
  return (
    <ListScreen
      entity="findings"
      title="Findings"
      subtitle="Each asset × patch pair with its current status, in your scope."
      placeholder="e.g. status: Missing and patch.vendorSeverity: Critical and asset.tags.name: Site-Berlin"
      quickFilters={FINDING_QUICK_FILTERS}
      input={input}
      recent={recent}
      userId={user.id}
      canExport={can(user, 'data.export')}
      columns={columns}
      page={page}
      rowId={(f) => `${f.assetId}/${f.patchId}`}
      paging={{ basePath: '/findings', keep: searchKeep(input), sort: input.sort, dir: input.dir, page: input.page, pageSize: input.pageSize }}
    />
  )
}
