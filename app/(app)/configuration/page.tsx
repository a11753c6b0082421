// Configuration index: the configuration pages (assessment profiles, licenses) this user's role may open.
import { redirect } from 'next/navigation'
import { SectionIndex } from '@/components/shell/SectionIndex'
import { ACTIONS } from '@/lib/auth/policy'
import { getCurrentUser } from '@/lib/auth/session'
import { configurationPagesFor } from '@/lib/navigation'

export const dynamic = 'force-dynamic'

export default async function ConfigurationPage() {
  const user = await getCurrentUser()
  if (!user) redirect('/login')
  return (
    <SectionIndex
      title="Configuration"
      subtitle="How agents scan and which assets are licensed."
      pages={configurationPagesFor(user).map((page) => ({ ...page, allows: ACTIONS[page.requires] }))}
      emptyText="Your role has no configuration pages."
    />
  )
}
