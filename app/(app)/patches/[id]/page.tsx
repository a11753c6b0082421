// Patch detail: catalog facts and the in-scope assets that miss it or have it installed.
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getDatabase } from '@/clickhouse/client'
import { DataTable, type Column } from '@/components/DataTable'
import { FactGrid } from '@/components/FactGrid'
import { StatusTabs } from '@/components/StatusTabs'
import { requirePageUser } from '@/lib/auth/page'
import { formatDate } from '@/lib/format'
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
  const columns: Column<FindingListRow>[] = [
    { label: 'Asset', sortKey: 'asset', render: (f) => <Link href={`/assets/${encodeURIComponent(f.assetId)}`}>{f.assetName}</Link> },
    { label: 'Operating system', render: (f) => f.operatingSystem },
    { label: `First seen (${user.timeZone})`, sortKey: 'firstSeen', render: (f) => formatDate(f.firstSeenAt, user.timeZone) },
    { label: 'Installed', sortKey: 'installed', render: (f) => (f.installedAt ? formatDate(f.installedAt, user.timeZone) : '—') },
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
    ['Superseded by', patch.supersededBy.map((p) => <Link key={p} href={`/patches/${encodeURIComponent(p)}`}>{p} </Link>)],
    ['Supersedes', patch.supersedes.map((p) => <Link key={p} href={`/patches/${encodeURIComponent(p)}`}>{p} </Link>)],
    [`Published (${user.timeZone})`, formatDate(patch.publishedAt, user.timeZone)],
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
      <DataTable caption={`assets with it ${input.status.toLowerCase()}`} basePath={basePath} columns={columns} rows={page.rows} rowKey={(f) => f.assetId} total={page.total} state={input} keep={{ status: input.status }} />
    </>
  )
}
