// The application's sections, and which of them a role sees (derived from the permission table).
import { can, type Action } from '@/lib/auth/policy'
import type { SessionUser } from '@/lib/auth/user'

export interface NavEntry {
  label: string
  href: string
  /** Built by a later issue: shown, but not linked. */
  coming?: boolean
  requires: Action
}

const SECTIONS: NavEntry[] = [
  { label: 'Dashboards', href: '/dashboards', coming: true, requires: 'dashboards.view' },
  { label: 'Assets', href: '/assets', requires: 'assets.view' },
  { label: 'Patches', href: '/patches', requires: 'assets.view' },
  { label: 'Jobs', href: '/jobs', coming: true, requires: 'jobs.viewAssigned' },
  { label: 'Configuration', href: '/configuration', coming: true, requires: 'profiles.view' },
  { label: 'Administration', href: '/administration', coming: true, requires: 'users.manage' },
]

export function navigationFor(user: Pick<SessionUser, 'role'>): NavEntry[] {
  return SECTIONS.filter((entry) => can(user, entry.requires))
}
