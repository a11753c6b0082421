// Page guard for server components: signed-out visitors go to /login; a role without the action goes to /not-allowed.
import { redirect } from 'next/navigation'
import { can, type Action } from './policy'
import { getCurrentUser } from './session'
import type { SessionUser } from './user'

export async function requirePageUser(action: Action): Promise<SessionUser> {
  const user = await getCurrentUser()
  if (!user) redirect('/login')
  // A redirect, not a thrown error: production builds hide a thrown error's message from the page.
  if (!can(user, action)) redirect(`/not-allowed?action=${encodeURIComponent(action)}`)
  return user
}
