// Patches: the catalog searched with QQL, with how many in-scope assets miss or have each patch, sorted and paged.
import Link from 'next/link'
import { getDatabase } from '@/clickhouse/client'
import { DataTable, type Column } from '@/components/DataTable'
import { SearchBar } from '@/components/search/SearchBar'
import { requirePageUser } from '@/lib/auth/page'
import { formatDate } from '@/lib/format'
import type { PatchListRow } from '@/lib/repositories/patches'
import { fetchPatchPage, patchListQuery } from '@/lib/services/lists'
import { readListInput } from '@/lib/services/page-input'
import { PATCH_QUICK_FILTERS } from '@/lib/services/quick-filters'
import { searchForPage } from '@/lib/services/search'

export const dynamic = 'force-dynamic'

export default async function PatchesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('assets.view')
  const input = readListInput(patchListQuery, await searchParams)
  const db = await getDatabase()
  const search = await searchForPage(db, user, 'patches', input.q)
  const page = search.ok ? await fetchPatchPage(db, user, input) : null
  const columns: Column<PatchListRow>[] = [
    {
      label: 'Title',
      sortKey: 'title',
      render: (p) => (
        <>
          <Link href={`/patches/${encodeURIComponent(p.id)}`}>{p.title}</Link> {p.isSuperseded && <span className="muted">(superseded)</span>}
        </>
      ),
    },
    { label: 'Severity', sortKey: 'vendorSeverity', render: (p) => <span className={`sev sev-${p.vendorSeverity}`}>{p.vendorSeverity}</span> },
    { label: 'Vendor', sortKey: 'vendor', render: (p) => p.vendor },
    { label: 'KB', sortKey: 'kb', render: (p) => p.kb || '—' },
    { label: 'Category', render: (p) => p.category },
    { label: `Published (${user.timeZone})`, sortKey: 'published', render: (p) => formatDate(p.publishedAt, user.timeZone) },
    { label: 'Missing on', sortKey: 'missing', numeric: true, render: (p) => <span className={p.missingCount > 0 ? 'count-missing' : undefined}>{p.missingCount}</span> },
    { label: 'Installed on', sortKey: 'installed', numeric: true, render: (p) => p.installedCount },
  ]
  return (
    <>
      <h1>Patches</h1>
      <p className="subtitle">The patch catalog; counts cover the assets in your scope.</p>
      <SearchBar entity="patches" basePath="/patches" query={input.q} search={search} quickFilters={PATCH_QUICK_FILTERS} placeholder="e.g. vendorSeverity: Critical and isSuperseded: false and missingCount > 0" />
      {page && <DataTable caption="patches" basePath="/patches" columns={columns} rows={page.rows} rowKey={(p) => p.id} total={page.total} state={input} keep={input.q ? { q: input.q } : {}} />}
    </>
  )
}
