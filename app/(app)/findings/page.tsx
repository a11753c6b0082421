// Findings: one row per asset × patch (current status), searched with QQL across asset and patch tokens.
import Link from 'next/link'
import { getDatabase } from '@/clickhouse/client'
import { DataTable, type Column } from '@/components/DataTable'
import { SearchBar } from '@/components/search/SearchBar'
import { requirePageUser } from '@/lib/auth/page'
import { formatDate } from '@/lib/format'
import type { FindingListRow } from '@/lib/repositories/findings'
import { fetchFindingPage, findingListQuery } from '@/lib/services/lists'
import { readListInput } from '@/lib/services/page-input'
import { FINDING_QUICK_FILTERS } from '@/lib/services/quick-filters'
import { searchForPage } from '@/lib/services/search'

export const dynamic = 'force-dynamic'

export default async function FindingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('assets.view')
  const input = readListInput(findingListQuery, await searchParams)
  const db = await getDatabase()
  const search = await searchForPage(db, user, 'findings', input.q)
  const page = search.ok ? await fetchFindingPage(db, user, input) : null
  const columns: Column<FindingListRow>[] = [
    { label: 'Asset', sortKey: 'asset', render: (f) => <Link href={`/assets/${encodeURIComponent(f.assetId)}`}>{f.assetName}</Link> },
    { label: 'Patch', sortKey: 'patch', render: (f) => <Link href={`/patches/${encodeURIComponent(f.patchId)}`}>{f.patchTitle}</Link> },
    { label: 'Severity', sortKey: 'vendorSeverity', render: (f) => <span className={`sev sev-${f.vendorSeverity}`}>{f.vendorSeverity}</span> },
    { label: 'KB', render: (f) => f.kb || '—' },
    { label: 'Status', sortKey: 'status', render: (f) => <span className={f.status === 'Missing' ? 'count-missing' : undefined}>{f.status}</span> },
    { label: `First seen (${user.timeZone})`, sortKey: 'firstSeen', render: (f) => formatDate(f.firstSeenAt, user.timeZone) },
    { label: 'Installed', sortKey: 'installed', render: (f) => (f.installedAt ? formatDate(f.installedAt, user.timeZone) : '—') },
  ]
  return (
    <>
      <h1>Findings</h1>
      <p className="subtitle">Each asset × patch pair with its current status, in your scope.</p>
      <SearchBar entity="findings" basePath="/findings" query={input.q} search={search} quickFilters={FINDING_QUICK_FILTERS} placeholder="e.g. status: Missing and patch.vendorSeverity: Critical and asset.tags.name: Site-Berlin" />
      {page && <DataTable caption="findings" basePath="/findings" columns={columns} rows={page.rows} rowKey={(f) => `${f.assetId}/${f.patchId}`} total={page.total} state={input} keep={input.q ? { q: input.q } : {}} />}
    </>
  )
}
