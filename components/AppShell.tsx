// The signed-in frame: sidebar navigation per role, user menu with the account link and sign-out.
import Link from 'next/link'
import type { ReactNode } from 'react'
import type { SessionUser } from '@/lib/auth/user'
import type { NavEntry } from '@/lib/navigation'
import { NavLink } from './NavLink'
import { SignOutButton } from './SignOutButton'

export function AppShell({ user, nav, children }: { user: SessionUser; nav: NavEntry[]; children: ReactNode }) {
  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          Patch<span>board</span>
        </div>
        <nav aria-label="Main">
          <ul className="nav">
            {nav.map((entry) => (
              <li key={entry.href}>
                {entry.coming ? (
                  <span className="soon" title="Coming in a later release">
                    {entry.label} <span className="badge-soon">coming</span>
                  </span>
                ) : (
                  <NavLink href={entry.href} label={entry.label} />
                )}
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="main">
        <header className="topbar">
          <div className="user-menu" aria-label="User menu">
            <span>
              <strong>{user.name}</strong> · {user.email} · {user.role}
            </span>
            <Link href="/account">Account</Link>
            <SignOutButton />
          </div>
        </header>
        <main className="content">{children}</main>
      </div>
    </div>
  )
}
