// Asset detail: inventory facts and the asset's missing / installed patches (404 outside the user's scope).
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getDatabase } from '@/clickhouse/client'
import { DataTable, type Column } from '@/components/DataTable'
import { FactGrid } from '@/components/FactGrid'
import { StatusTabs } from '@/components/StatusTabs'
import { requirePageUser } from '@/lib/auth/page'
import { formatDate, formatDateTime } from '@/lib/format'
import type { FindingListRow } from '@/lib/repositories/findings'
import { detailListQuery, fetchAssetDetail, fetchRelatedFindings } from '@/lib/services/details'
import { readListInput } from '@/lib/services/page-input'

export const dynamic = 'force-dynamic'

interface Props {
  params: Promise<{ id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export default async function AssetDetailPage({ params, searchParams }: Props) {
  const user = await requirePageUser('assets.view')
  const { id } = await params
  const db = await getDatabase()
  const asset = await fetchAssetDetail(db, user, decodeURIComponent(id))
  if (!asset) notFound()
  const input = readListInput(detailListQuery, await searchParams)
  const page = await fetchRelatedFindings(db, user, { assetId: asset.id }, input)
  const basePath = `/assets/${encodeURIComponent(asset.id)}`
  const columns: Column<FindingListRow>[] = [
    { label: 'Patch', sortKey: 'patch', render: (f) => <Link href={`/patches/${encodeURIComponent(f.patchId)}`}>{f.patchTitle}</Link> },
    { label: 'Severity', sortKey: 'vendorSeverity', render: (f) => <span className={`sev sev-${f.vendorSeverity}`}>{f.vendorSeverity}</span> },
    { label: 'KB', render: (f) => f.kb || '—' },
    { label: `First seen (${user.timeZone})`, sortKey: 'firstSeen', render: (f) => formatDate(f.firstSeenAt, user.timeZone) },
    { label: 'Installed', sortKey: 'installed', render: (f) => (f.installedAt ? formatDate(f.installedAt, user.timeZone) : '—') },
  ]
  const facts: [string, React.ReactNode][] = [
    ['Operating system', asset.operatingSystem],
    ['Architecture', asset.architecture || '—'],
    ['IP addresses', asset.ipAddresses.join(', ') || '—'],
    ['Last logged-on user', asset.lastLoggedOnUser || '—'],
    [`Last scan (${user.timeZone})`, formatDateTime(asset.lastScanAt, user.timeZone)],
    [`Activated (${user.timeZone})`, formatDate(asset.activatedAt, user.timeZone)],
    ['Missing / critical / security', `${asset.missingCount} / ${asset.missingCriticalCount} / ${asset.missingSecurityCount}`],
    ['Tags', asset.tags.map((tag) => <span key={tag} className="tag">{tag}</span>)],
  ]
  return (
    <>
      <p className="muted">
        <Link href="/assets">Assets</Link> ›
      </p>
      <h1>{asset.name}</h1>
      <FactGrid facts={facts} />
      <StatusTabs basePath={basePath} status={input.status} counts={{ Missing: asset.missingCount, Installed: asset.installedCount }} />
      <DataTable caption={`${input.status.toLowerCase()} patches`} basePath={basePath} columns={columns} rows={page.rows} rowKey={(f) => f.patchId} total={page.total} state={input} keep={{ status: input.status }} />
    </>
  )
}
