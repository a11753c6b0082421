// Administration index: the administration pages this user's role may open.
import { redirect } from 'next/navigation'
import { SectionIndex } from '@/components/shell/SectionIndex'
import { ACTIONS } from '@/lib/auth/policy'
import { getCurrentUser } from '@/lib/auth/session'
import { adminPagesFor } from '@/lib/navigation'

export const dynamic = 'force-dynamic'

export default async function AdministrationPage() {
  const user = await getCurrentUser()
  if (!user) redirect('/login')
  return (
    <SectionIndex
      title="Administration"
      subtitle={`What your role (${user.role}) may administer.`}
      pages={adminPagesFor(user).map((page) => ({ ...page, allows: ACTIONS[page.requires] }))}
      emptyText="Your role has no administration rights."
    />
  )
}
