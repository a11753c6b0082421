// Missing / Installed tabs of a detail page's findings: links, so the tab is in the URL (styled as the Tabs primitive's list).
import Link from 'next/link'

export function StatusTabs({ basePath, status, counts }: { basePath: string; status: 'Missing' | 'Installed'; counts: Record<'Missing' | 'Installed', number> }) {
  return (
    <nav className="tab-list" aria-label="Status">
      {(['Missing', 'Installed'] as const).map((tab) => (
        <Link key={tab} href={`${basePath}?status=${tab}`} aria-current={tab === status ? 'page' : undefined}>
          {tab} ({counts[tab].toLocaleString('en')})
        </Link>
      ))}
    </nav>
  )
}
