// The main navigation list (sidebar and drawer share it).
import type { NavEntry } from '@/lib/navigation'
import { NavLink } from './NavLink'

export function NavList({ nav, onNavigate }: { nav: NavEntry[]; onNavigate?: () => void }) {
  return (
    <nav aria-label="Main">
      <ul className="nav">
        {nav.map((entry) => (
          <li key={entry.href}>
            <NavLink href={entry.href} label={entry.label} onNavigate={onNavigate} />
          </li>
        ))}
      </ul>
    </nav>
  )
}
