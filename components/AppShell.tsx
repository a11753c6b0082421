// The signed-in frame: the sidebar navigation per role (a drawer below 1024 px), the top bar with the user menu, the page.
import type { ReactNode } from 'react'
import type { SessionUser } from '@/lib/auth/user'
import type { NavEntry } from '@/lib/navigation'
import { NavDrawer } from './shell/NavDrawer'
import { NavList } from './shell/NavList'
import { UserMenu } from './shell/UserMenu'

export function Brand() {
  return (
    <div className="brand">
      Patch<span>board</span>
    </div>
  )
}

/** `banner`: the subscription strip under the top bar (the layout reads the subscription on the server). */
export function AppShell({ user, nav, banner, children }: { user: SessionUser; nav: NavEntry[]; banner?: ReactNode; children: ReactNode }) {
  return (
    <div className="shell">
      <aside className="sidebar">
        <Brand />
        <NavList nav={nav} />
      </aside>
      <div className="main">
        <header className="topbar">
          <div className="topbar-start">
            <NavDrawer nav={nav} />
            <span className="topbar-brand">Patchboard</span>
          </div>
          <UserMenu name={user.name} email={user.email} role={user.role} />
        </header>
        {banner}
        <main className="content">{children}</main>
      </div>
    </div>
  )
}
