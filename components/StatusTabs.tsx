// Missing / Installed tabs of a detail page's findings, kept in the URL.
import Link from 'next/link'

export function StatusTabs({ basePath, status, counts }: { basePath: string; status: 'Missing' | 'Installed'; counts: Record<'Missing' | 'Installed', number> }) {
  return (
    <nav className="tabs" aria-label="Status">
      {(['Missing', 'Installed'] as const).map((tab) => (
        <Link key={tab} href={`${basePath}?status=${tab}`} className={tab === status ? 'on' : undefined} aria-current={tab === status ? 'page' : undefined}>
          {tab} ({counts[tab]})
        </Link>
      ))}
    </nav>
  )
}
