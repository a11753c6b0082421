// Page guard for server components: signed-out visitors go to /login; a role without the action gets 403.
import { redirect } from 'next/navigation'
import { can, ForbiddenError, type Action } from './policy'
import { getCurrentUser } from './session'
import type { SessionUser } from './user'

export async function requirePageUser(action: Action): Promise<SessionUser> {
  const user = await getCurrentUser()
  if (!user) redirect('/login')
  if (!can(user, action)) throw new ForbiddenError(action)
  return user
}
