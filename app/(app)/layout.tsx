// Layout of every signed-in page: the session is checked on the server before anything renders.
import { redirect } from 'next/navigation'
import type { ReactNode } from 'react'
import { AppShell } from '@/components/AppShell'
import { getCurrentUser } from '@/lib/auth/session'
import { navigationFor } from '@/lib/navigation'

export const dynamic = 'force-dynamic'

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser()
  if (!user) redirect('/login')
  return (
    <AppShell user={user} nav={navigationFor(user)}>
      {children}
    </AppShell>
  )
}
