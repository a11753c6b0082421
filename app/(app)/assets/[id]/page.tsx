// Asset detail: inventory facts and the asset's missing / installed patches (404 outside the user's scope).
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getDatabase } from '@/clickhouse/client'
import { gridData, type ColumnDef } from '@/components/ui/grid/columns'
import { DataGrid } from '@/components/ui/grid/DataGrid'
import { FactGrid } from '@/components/FactGrid'
import { StatusTabs } from '@/components/StatusTabs'
import { requirePageUser } from '@/lib/auth/page'
import { formatDate, formatDateTime, timeHeader } from '@/lib/format'
import type { FindingListRow } from '@/lib/repositories/findings'
import { describeInterval } from '@/lib/schemas/profiles'
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
  const columns: ColumnDef<FindingListRow>[] = [
    { id: 'patch', header: 'Patch', sortKey: 'patch', cell: (f) => <Link href={`/patches/${encodeURIComponent(f.patchId)}`}>{f.patchTitle}</Link> },
    { id: 'vendorSeverity', header: 'Severity', sortKey: 'vendorSeverity', cell: (f) => <span className={`sev sev-${f.vendorSeverity}`}>{f.vendorSeverity}</span> },
    { id: 'kb', header: 'KB', cell: (f) => f.kb || '—' },
    { id: 'firstSeen', header: timeHeader('First seen', user.timeZone), sortKey: 'firstSeen', cell: (f) => formatDate(f.firstSeenAt, user.timeZone) },
    { id: 'installed', header: timeHeader('Installed', user.timeZone), sortKey: 'installed', cell: (f) => (f.installedAt ? formatDate(f.installedAt, user.timeZone) : '—') },
  ]
  const facts: [string, React.ReactNode][] = [
    ['Operating system', asset.operatingSystem],
    ['Architecture', asset.architecture || '—'],
    ['IP addresses', asset.ipAddresses.join(', ') || '—'],
    ['Last logged-on user', asset.lastLoggedOnUser || '—'],
    ['Time zone', asset.timeZone || "Not reported (jobs in the agent's time zone run in UTC)"],
    [timeHeader('Last scan', user.timeZone), formatDateTime(asset.lastScanAt, user.timeZone)],
    [
      'Assessment profile',
      <>
        <Link href="/configuration/profiles">{asset.profileName}</Link> · {describeInterval(asset.profileIntervalHours)}
        {asset.scanOverdue && <> <span className="overdue">Scan overdue</span></>}
      </>,
    ],
    [timeHeader('Activated', user.timeZone), formatDate(asset.activatedAt, user.timeZone)],
    ['Licence', asset.licensed ? 'Licensed' : <span className="unlicensed">Not licensed</span>],
    ['Missing / critical / security', `${asset.missingCount} / ${asset.missingCriticalCount} / ${asset.missingSecurityCount}`],
    ['Tags', asset.tags.length > 0 ? asset.tags.map((tag) => <span key={tag} className="tag">{tag}</span>) : '—'],
  ]
  return (
    <>
      <p className="muted">
        <Link href="/assets">Assets</Link> ›
      </p>
      <h1>{asset.name}</h1>
      <FactGrid facts={facts} />
      <StatusTabs basePath={basePath} status={input.status} counts={{ Missing: asset.missingCount, Installed: asset.installedCount }} />
      <DataGrid
        tableId="asset-findings"
        userId={user.id}
        label={`${input.status} patches`}
        noun={`${input.status.toLowerCase()} patches`}
        {...gridData(columns, page.rows, (f) => f.patchId)}
        paging={{ basePath, keep: { status: input.status }, sort: input.sort, dir: input.dir, page: input.page, pageSize: input.pageSize, total: page.total }}
      />
    </>
  )
}
