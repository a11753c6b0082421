// Assets: the in-scope inventory searched with QQL, with current missing/installed counts, sorted and paged on the server.
import Link from 'next/link'
import { getDatabase } from '@/clickhouse/client'
import { gridData, type ColumnDef } from '@/components/ui/grid/columns'
import { DataGrid } from '@/components/ui/grid/DataGrid'
import { SearchBar } from '@/components/search/SearchBar'
import { ExportDialog } from '@/components/export/ExportDialog'
import { can } from '@/lib/auth/policy'
import { requirePageUser } from '@/lib/auth/page'
import { formatDateTime, timeHeader } from '@/lib/format'
import type { AssetListRow } from '@/lib/repositories/assets'
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
    { id: 'tags', header: 'Tags', cell: (a) => a.tags.map((tag) => <span key={tag} className="tag">{tag}</span>) },
  ]
  return (
    <>
      <h1>Assets</h1>
      <p className="subtitle">Every asset in your scope with its current patch status from the latest scan.</p>
      <SearchBar entity="assets" basePath="/assets" query={input.q} version={input.v} recent={recent} quickFilters={ASSET_QUICK_FILTERS} placeholder="e.g. osFamily: Windows and patch.vendorSeverity: Critical and patch.status: Missing" />
      {can(user, 'data.export') && (
        <div className="export-bar">
          <ExportDialog entity="assets" query={input.q} version={input.v} sort={input.sort} dir={input.dir} userId={user.id} />
        </div>
      )}
      {page && (
        <DataGrid
          tableId="assets"
          userId={user.id}
          label="Assets"
          noun="assets"
          {...gridData(columns, page.rows, (a) => a.id)}
          paging={{ basePath: '/assets', keep: searchKeep(input), sort: input.sort, dir: input.dir, page: input.page, pageSize: input.pageSize, total: page.total }}
        />
      )}
    </>
  )
}
