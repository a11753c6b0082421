// The signed-in user as every server module sees it: identity, role and tag scope.
import { z } from 'zod'
import { isKnownTimeZone } from '@/ingest/schema/time-zone'

export const ROLES = [
  'Patch Reader',
  'Patch Dashboard Author',
  'Patch User',
  'Patch Security',
  'Patch Manager',
  'Administrator',
] as const
export const roleSchema = z.enum(ROLES)
export type Role = z.infer<typeof roleSchema>

/** Which assets a user may see: every asset, or those carrying at least one of the tags. */
export const tagScopeSchema = z.object({
  all: z.boolean(),
  tags: z.array(z.string().min(1).max(256)).max(1000),
})
export type TagScope = z.infer<typeof tagScopeSchema>

export interface SessionUser {
  id: string
  email: string
  name: string
  role: Role
  scope: TagScope
  timeZone: string
  /** Set when the request authenticated with a personal API token (not a session): which one, and when it expires. */
  apiToken?: { id: string; expiresAt: string | null }
}

/** An IANA time zone the runtime knows (e.g. `Europe/Berlin`), in which times are shown to the user. */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isKnownTimeZone, 'Unknown time zone: use an IANA name such as Europe/Berlin or UTC.')

/** Administrators see every asset; every other new user sees nothing until an administrator assigns tags. */
export function defaultScopeFor(role: Role): TagScope {
  return role === 'Administrator' ? { all: true, tags: [] } : { all: false, tags: [] }
}

/** The identity part of a stored user (drops the hash and sign-in bookkeeping). */
export function toSessionUser(user: SessionUser): SessionUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role, scope: user.scope, timeZone: user.timeZone }
}
