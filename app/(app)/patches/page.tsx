// Patches: the catalog searched with QQL, with how many in-scope assets miss or have each patch, sorted and paged.
import Link from 'next/link'
import { getDatabase } from '@/clickhouse/client'
import type { ColumnDef } from '@/components/ui/grid/columns'
import { ListScreen } from '@/components/lists/ListScreen'
import { can } from '@/lib/auth/policy'
import { requirePageUser } from '@/lib/auth/page'
import { formatDate, timeHeader } from '@/lib/format'
import type { PatchListRow } from '@/lib/repositories/patches'
import { fetchPatchPage, patchListQuery } from '@/lib/services/lists'
import { readListInput } from '@/lib/services/page-input'
import { PATCH_QUICK_FILTERS } from '@/lib/services/quick-filters'
import { recentSearchesFor, searchForPage, searchKeep } from '@/lib/services/search'

export const dynamic = 'force-dynamic'

export default async function PatchesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('assets.view')
  const input = readListInput(patchListQuery, await searchParams)
  const db = await getDatabase()
  const search = await searchForPage(db, user, 'patches', input.q, input.v)
  const recent = await recentSearchesFor(db, user, 'patches')
  const page = search.ok ? await fetchPatchPage(db, user, input) : null
  const columns: ColumnDef<PatchListRow>[] = [
    {
      id: 'title',
      header: 'Title',
      sortKey: 'title',
      hideable: false,
      cell: (p) => (
        <>
          <Link href={`/patches/${encodeURIComponent(p.id)}`}>{p.title}</Link> {p.isSuperseded && <span className="muted">(superseded)</span>}
        </>
      ),
    },
    { id: 'vendorSeverity', header: 'Severity', sortKey: 'vendorSeverity', cell: (p) => <span className={`sev sev-${p.vendorSeverity}`}>{p.vendorSeverity}</span> },
    { id: 'vendor', header: 'Vendor', sortKey: 'vendor', cell: (p) => p.vendor },
    { id: 'kb', header: 'KB', sortKey: 'kb', cell: (p) => p.kb || '—' },
    { id: 'category', header: 'Category', cell: (p) => p.category },
    { id: 'published', header: timeHeader('Published', user.timeZone), sortKey: 'published', cell: (p) => formatDate(p.publishedAt, user.timeZone) },
    { id: 'missing', header: 'Missing on', sortKey: 'missing', numeric: true, cell: (p) => <span className={p.missingCount > 0 ? 'count-missing' : undefined}>{p.missingCount}</span> },
    { id: 'installed', header: 'Installed on', sortKey: 'installed', numeric: true, cell: (p) => p.installedCount },
  ]
  return (
    <ListScreen
      entity="patches"
      title="Patches"
      subtitle="The patch catalog; counts cover the assets in your scope."
      placeholder="e.g. vendorSeverity: Critical and isSuperseded: false and missingCount > 0"
      quickFilters={PATCH_QUICK_FILTERS}
      input={input}
      recent={recent}
      userId={user.id}
      canExport={can(user, 'data.export')}
      columns={columns}
      page={page}
      rowId={(p) => p.id}
      paging={{ basePath: '/patches', keep: searchKeep(input), sort: input.sort, dir: input.dir, page: input.page, pageSize: input.pageSize }}
      selectionLink={can(user, 'jobs.create') ? { label: 'Create job', href: '/jobs/new', param: 'patches' } : undefined}
    />
  )
}
