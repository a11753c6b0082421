// Assets: the in-scope inventory searched with QQL, with current missing/installed counts, sorted and paged on the server.
import Link from 'next/link'
import { getDatabase } from '@/clickhouse/client'
import type { ColumnDef } from '@/components/ui/grid/columns'
import { ListScreen } from '@/components/lists/ListScreen'
import { can } from '@/lib/auth/policy'
import { requirePageUser } from '@/lib/auth/page'
import { formatDateTime, timeHeader } from '@/lib/format'
import type { AssetListRow } from '@/lib/repositories/assets'
import { describeInterval } from '@/lib/schemas/profiles'
import { assetListQuery, fetchAssetPage } from '@/lib/services/lists'
import { readListInput } from '@/lib/services/page-input'
import { ASSET_QUICK_FILTERS } from '@/lib/services/quick-filters'
import { recentSearchesFor, searchForPage, searchKeep } from '@/lib/services/search'

export const dynamic = 'force-dynamic'

export default async function AssetsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('assets.view')
  const input = readListInput(assetListQuery, await searchParams)
  const db = await getDatabase()
  const search = await searchForPage(db, user, 'assets', input.q, input.v)
  const recent = await recentSearchesFor(db, user, 'assets')
  const page = search.ok ? await fetchAssetPage(db, user, input) : null
  const columns: ColumnDef<AssetListRow>[] = [
    { id: 'name', header: 'Name', sortKey: 'name', hideable: false, nowrap: true, cell: (a) => <Link href={`/assets/${encodeURIComponent(a.id)}`}><strong>{a.name}</strong></Link> },
    { id: 'operatingSystem', header: 'Operating system', sortKey: 'operatingSystem', cell: (a) => a.operatingSystem },
    { id: 'missing', header: 'Missing', sortKey: 'missing', numeric: true, cell: (a) => <span className={a.missingCount > 0 ? 'count-missing' : undefined}>{a.missingCount}</span> },
    { id: 'missingCritical', header: 'Critical missing', sortKey: 'missingCritical', numeric: true, cell: (a) => a.missingCriticalCount },
    { id: 'installed', header: 'Installed', sortKey: 'installed', numeric: true, cell: (a) => a.installedCount },
    { id: 'lastScan', header: timeHeader('Last scan', user.timeZone), sortKey: 'lastScan', nowrap: true, cell: (a) => formatDateTime(a.lastScanAt, user.timeZone) },
    {
      id: 'profile',
      header: 'Assessment profile',
      cell: (a) => (
        <>
          {a.profileName} <span className="muted">· {describeInterval(a.profileIntervalHours)}</span>
          {a.scanOverdue && <> <span className="overdue">Scan overdue</span></>}
        </>
      ),
    },
    { id: 'licensed', header: 'Licence', nowrap: true, cell: (a) => (a.licensed ? 'Licensed' : <span className="unlicensed">Not licensed</span>) },
    { id: 'tags', header: 'Tags', cell: (a) => a.tags.map((tag) => <span key={tag} className="tag">{tag}</span>) },
  ]
  return (
    <ListScreen
      entity="assets"
      title="Assets"
      subtitle="Every asset in your scope with its current patch status from the latest scan."
      placeholder="e.g. osFamily: Windows and patch.vendorSeverity: Critical and patch.status: Missing"
      quickFilters={ASSET_QUICK_FILTERS}
      input={input}
      recent={recent}
      userId={user.id}
      canExport={can(user, 'data.export')}
      columns={columns}
      page={page}
      rowId={(a) => a.id}
      paging={{ basePath: '/assets', keep: searchKeep(input), sort: input.sort, dir: input.dir, page: input.page, pageSize: input.pageSize }}
      selectionLink={can(user, 'jobs.create') ? { label: 'Create job', href: '/jobs/new', param: 'assets' } : undefined}
    />
  )
}
