// The signed-in user as every server module sees it: identity, role and tag scope.
import { z } from 'zod'

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
}
