// Layout of every signed-in page: the session is checked on the server before anything renders.
import { redirect } from 'next/navigation'
import type { ReactNode } from 'react'
import { getDatabase } from '@/clickhouse/client'
import { AppShell } from '@/components/AppShell'
import { SubscriptionBanner } from '@/components/subscription/SubscriptionBanner'
import { can } from '@/lib/auth/policy'
import { getCurrentUser } from '@/lib/auth/session'
import { navigationFor } from '@/lib/navigation'
import { getSubscription } from '@/lib/services/subscription'

export const dynamic = 'force-dynamic'

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser()
  if (!user) redirect('/login')
  const subscription = await getSubscription(await getDatabase())
  const banner = <SubscriptionBanner subscription={subscription} manageHref={can(user, 'subscription.manage') ? '/administration/subscription' : undefined} />
  return (
    <AppShell user={user} nav={navigationFor(user)} banner={banner}>
      {children}
    </AppShell>
  )
}
