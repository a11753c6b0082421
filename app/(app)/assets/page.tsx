// Assets: the in-scope inventory searched with QQL, with current missing/installed counts, sorted and paged on the server.
import Link from 'next/link'
import { getDatabase } from '@/clickhouse/client'
import { DataTable, type Column } from '@/components/DataTable'
import { SearchBar } from '@/components/search/SearchBar'
import { requirePageUser } from '@/lib/auth/page'
import { formatDateTime } from '@/lib/format'
import type { AssetListRow } from '@/lib/repositories/assets'
import { assetListQuery, fetchAssetPage } from '@/lib/services/lists'
import { readListInput } from '@/lib/services/page-input'
import { ASSET_QUICK_FILTERS } from '@/lib/services/quick-filters'
import { searchForPage } from '@/lib/services/search'

export const dynamic = 'force-dynamic'

export default async function AssetsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('assets.view')
  const input = readListInput(assetListQuery, await searchParams)
  const db = await getDatabase()
  const search = await searchForPage(db, user, 'assets', input.q)
  const page = search.ok ? await fetchAssetPage(db, user, input) : null
  const columns: Column<AssetListRow>[] = [
    { label: 'Name', sortKey: 'name', render: (a) => <Link href={`/assets/${encodeURIComponent(a.id)}`}><strong>{a.name}</strong></Link> },
    { label: 'Operating system', sortKey: 'operatingSystem', render: (a) => a.operatingSystem },
    { label: 'Missing', sortKey: 'missing', numeric: true, render: (a) => <span className={a.missingCount > 0 ? 'count-missing' : undefined}>{a.missingCount}</span> },
    { label: 'Critical missing', sortKey: 'missingCritical', numeric: true, render: (a) => a.missingCriticalCount },
    { label: 'Installed', sortKey: 'installed', numeric: true, render: (a) => a.installedCount },
    { label: `Last scan (${user.timeZone})`, sortKey: 'lastScan', render: (a) => formatDateTime(a.lastScanAt, user.timeZone) },
    { label: 'Tags', render: (a) => a.tags.map((tag) => <span key={tag} className="tag">{tag}</span>) },
  ]
  return (
    <>
      <h1>Assets</h1>
      <p className="subtitle">Every asset in your scope with its current patch status from the latest scan.</p>
      <SearchBar entity="assets" basePath="/assets" query={input.q} search={search} quickFilters={ASSET_QUICK_FILTERS} placeholder="e.g. osFamily: Windows and patch.vendorSeverity: Critical and patch.status: Missing" />
      {page && <DataTable caption="assets" basePath="/assets" columns={columns} rows={page.rows} rowKey={(a) => a.id} total={page.total} state={input} keep={input.q ? { q: input.q } : {}} />}
    </>
  )
}
