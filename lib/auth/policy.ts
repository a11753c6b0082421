// The permission table (role → actions) and the one authorize() call every route makes.
import { DomainError } from '@/lib/errors'
import { recordAuthorization } from './authorization-record'
import type { Role, SessionUser } from './user'

export const ACTIONS = {
  'dashboards.view': 'View dashboards',
  'dashboards.editOwn': 'Create, edit and delete own dashboards',
  'dashboards.editAny': "Edit and delete anyone's dashboards",
  'dashboards.download': 'Download and print dashboards',
  'assets.view': 'View assets, patches and findings',
  'jobs.viewAssigned': 'View assigned jobs',
  'jobs.viewAny': 'View any job',
  'jobs.create': 'Create jobs',
  'jobs.createAdvisory': 'Create job advisories',
  'jobs.operateOwn': 'Edit, enable, disable and delete own or co-authored jobs',
  'jobs.operateAny': 'Edit, enable, disable and delete any job',
  'jobs.changeOwner': 'Change job owner',
  'profiles.view': 'View assessment profiles',
  'profiles.manage': 'Create, edit and delete assessment profiles',
  'licenses.manage': 'Manage licenses',
  'users.manage': 'Manage users and roles',
  'activationKeys.manage': 'Manage activation keys',
  'subscription.manage': 'Manage the subscription',
  'data.import': 'Import data',
  'data.quarantine': 'View the ingest history and the quarantine of every site, and purge the quarantine',
  'data.export': 'Export data',
  'audit.view': 'View the audit log',
  'account.manage': 'Change own password and time zone, manage own API tokens',
} as const
export type Action = keyof typeof ACTIONS

const READER: Action[] = ['account.manage', 'dashboards.view', 'assets.view', 'jobs.viewAssigned', 'profiles.view', 'data.export']
const AUTHOR: Action[] = [...READER, 'dashboards.editOwn']
const USER: Action[] = [...AUTHOR, 'jobs.create', 'jobs.operateOwn']
const MANAGER: Action[] = [
  ...USER, 'jobs.viewAny', 'jobs.operateAny', 'jobs.changeOwner', 'profiles.manage', 'licenses.manage', 'data.import',
]
const SECURITY: Action[] = [...READER, 'jobs.createAdvisory', 'jobs.viewAny']

/** Roles nest Reader ⊂ Dashboard Author ⊂ User ⊂ Manager; Security stands apart; Administrator may do everything. */
export const PERMISSIONS: Record<Role, ReadonlySet<Action>> = {
  'Patch Reader': new Set(READER),
  'Patch Dashboard Author': new Set(AUTHOR),
  'Patch User': new Set(USER),
  'Patch Security': new Set(SECURITY),
  'Patch Manager': new Set(MANAGER),
  Administrator: new Set(Object.keys(ACTIONS) as Action[]),
}

export function can(user: Pick<SessionUser, 'role'>, action: Action): boolean {
  return PERMISSIONS[user.role].has(action)
}

/** The role's refusal of an action: a DomainError of kind `forbidden` (403) naming the action in its details. */
export class ForbiddenError extends DomainError {
  constructor(readonly action: Action) {
    super('forbidden', 'FORBIDDEN', `Your role may not ${ACTIONS[action].toLowerCase()}.`, { action })
  }
}

/** The authorization decision of a route, recorded for the run-time backstop: throws ForbiddenError unless the user's role allows the action. */
export function authorize(user: Pick<SessionUser, 'role'>, action: Action): void {
  const allowed = can(user, action)
  recordAuthorization({ by: 'role', action, allowed })
  if (!allowed) throw new ForbiddenError(action)
}

/** A resource-level decision inside a handler (e.g. "the caller owns this saved search"), recorded; returns `allowed`. */
export function decideResourceAccess(resource: string, allowed: boolean): boolean {
  recordAuthorization({ by: 'resource', resource, allowed })
  return allowed
}
