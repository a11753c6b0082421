// The application's sections, and which of them a role sees (derived from the permission table).
import { can, type Action } from '@/lib/auth/policy'
import type { SessionUser } from '@/lib/auth/user'

/** Pages of the Administration section; the section index lists those the user may open. */
export const ADMIN_PAGES: NavEntry[] = [
  { label: 'Users', href: '/administration/users', requires: 'users.manage' },
  { label: 'Permissions', href: '/administration/permissions', requires: 'users.manage' },
  { label: 'Audit log', href: '/administration/audit', requires: 'audit.view' },
  { label: 'Activation keys', href: '/administration/activation-keys', requires: 'activationKeys.manage' },
  { label: 'Data import', href: '/administration/data-import', requires: 'data.import' },
  { label: 'Subscription', href: '/administration/subscription', requires: 'subscription.manage' },
]

/** Pages of the Configuration section (assessment profiles, licenses); the section index lists those the user may open. */
export const CONFIGURATION_PAGES: NavEntry[] = [
  { label: 'Profiles', href: '/configuration/profiles', requires: 'profiles.view' },
  { label: 'Licenses', href: '/configuration/licenses', requires: 'profiles.view' },
]

export interface NavEntry {
  label: string
  href: string
  requires: Action
}

/** Only sections whose pages exist: a section is added here together with its page. */
const SECTIONS: NavEntry[] = [
  { label: 'Dashboards', href: '/dashboards', requires: 'dashboards.view' },
  { label: 'Assets', href: '/assets', requires: 'assets.view' },
  { label: 'Patches', href: '/patches', requires: 'assets.view' },
  { label: 'Findings', href: '/findings', requires: 'assets.view' },
  // Every role that sees any job (jobs.viewAny) also sees its assigned ones.
  { label: 'Jobs', href: '/jobs', requires: 'jobs.viewAssigned' },
  { label: 'My exports', href: '/exports', requires: 'data.export' },
]

export function adminPagesFor(user: Pick<SessionUser, 'role'>): NavEntry[] {
  return ADMIN_PAGES.filter((entry) => can(user, entry.requires))
}

export function configurationPagesFor(user: Pick<SessionUser, 'role'>): NavEntry[] {
  return CONFIGURATION_PAGES.filter((entry) => can(user, entry.requires))
}

export function navigationFor(user: Pick<SessionUser, 'role'>): NavEntry[] {
  const sections = SECTIONS.filter((entry) => can(user, entry.requires))
  const configurationPages = configurationPagesFor(user)
  if (configurationPages.length > 0) sections.push({ label: 'Configuration', href: '/configuration', requires: configurationPages[0].requires })
  // Administration appears for anyone who may open at least one of its pages.
  const adminPages = adminPagesFor(user)
  if (adminPages.length > 0) sections.push({ label: 'Administration', href: '/administration', requires: adminPages[0].requires })
  return sections
}
