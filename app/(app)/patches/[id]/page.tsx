// Patch detail: catalog facts and the in-scope assets that miss it or have it installed.
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getDatabase } from '@/clickhouse/client'
import { gridData, type ColumnDef } from '@/components/ui/grid/columns'
import { DataGrid } from '@/components/ui/grid/DataGrid'
import { FactGrid } from '@/components/FactGrid'
import { StatusTabs } from '@/components/StatusTabs'
import { requirePageUser } from '@/lib/auth/page'
import { formatDate, timeHeader } from '@/lib/format'
import type { FindingListRow } from '@/lib/repositories/findings'
import { detailListQuery, fetchPatchDetail, fetchRelatedFindings } from '@/lib/services/details'
import { readListInput } from '@/lib/services/page-input'

export const dynamic = 'force-dynamic'

interface Props {
  params: Promise<{ id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export default async function PatchDetailPage({ params, searchParams }: Props) {
  const user = await requirePageUser('assets.view')
  const { id } = await params
  const db = await getDatabase()
  const patch = await fetchPatchDetail(db, decodeURIComponent(id))
  if (!patch) notFound()
  const input = readListInput(detailListQuery, await searchParams)
  const basePath = `/patches/${encodeURIComponent(patch.id)}`
  const [page, missing, installed] = await Promise.all([
    fetchRelatedFindings(db, user, { patchId: patch.id }, input),
    fetchRelatedFindings(db, user, { patchId: patch.id }, { ...input, status: 'Missing', page: 1, pageSize: 1 }),
    fetchRelatedFindings(db, user, { patchId: patch.id }, { ...input, status: 'Installed', page: 1, pageSize: 1 }),
  ])
  const columns: ColumnDef<FindingListRow>[] = [
    { id: 'asset', header: 'Asset', sortKey: 'asset', cell: (f) => <Link href={`/assets/${encodeURIComponent(f.assetId)}`}>{f.assetName}</Link> },
    { id: 'operatingSystem', header: 'Operating system', cell: (f) => f.operatingSystem },
    { id: 'firstSeen', header: timeHeader('First seen', user.timeZone), sortKey: 'firstSeen', cell: (f) => formatDate(f.firstSeenAt, user.timeZone) },
    { id: 'installed', header: timeHeader('Installed', user.timeZone), sortKey: 'installed', cell: (f) => (f.installedAt ? formatDate(f.installedAt, user.timeZone) : '—') },
  ]
  const facts: [string, React.ReactNode][] = [
    ['Severity', <span key="sev" className={`sev sev-${patch.vendorSeverity}`}>{patch.vendorSeverity}</span>],
    ['Vendor', patch.vendor],
    ['Products', patch.products.join(', ') || '—'],
    ['Category', patch.category],
    ['KB', patch.kb || '—'],
    ['CVEs', patch.cves.join(', ') || '—'],
    ['QIDs', patch.qids.join(', ') || '—'],
    ['Bulletin', patch.bulletin || '—'],
    ['Security', patch.isSecurity ? 'yes' : 'no'],
    ['Reboot required', patch.rebootRequired ? 'yes' : 'no'],
    ['Download method', patch.downloadMethod],
    ['Superseded by', patch.supersededBy.length > 0 ? patch.supersededBy.map((p) => <Link key={p} href={`/patches/${encodeURIComponent(p)}`}>{p} </Link>) : '—'],
    ['Supersedes', patch.supersedes.length > 0 ? patch.supersedes.map((p) => <Link key={p} href={`/patches/${encodeURIComponent(p)}`}>{p} </Link>) : '—'],
    [timeHeader('Published', user.timeZone), formatDate(patch.publishedAt, user.timeZone)],
  ]
  return (
    <>
      <p className="muted">
        <Link href="/patches">Patches</Link> ›
      </p>
      <h1>
        {patch.title} {patch.isSuperseded && <span className="muted">(superseded)</span>}
      </h1>
      <FactGrid facts={facts} />
      <StatusTabs basePath={basePath} status={input.status} counts={{ Missing: missing.total, Installed: installed.total }} />
      <DataGrid
        tableId="patch-findings"
        userId={user.id}
        label={`Assets with it ${input.status.toLowerCase()}`}
        noun={`assets with it ${input.status.toLowerCase()}`}
        {...gridData(columns, page.rows, (f) => f.assetId)}
        paging={{ basePath, keep: { status: input.status }, sort: input.sort, dir: input.dir, page: input.page, pageSize: input.pageSize, total: page.total }}
      />
    </>
  )
}
