// Configuration index: the configuration pages (assessment profiles, licenses) this user's role may open.
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { ACTIONS } from '@/lib/auth/policy'
import { getCurrentUser } from '@/lib/auth/session'
import { configurationPagesFor } from '@/lib/navigation'

export const dynamic = 'force-dynamic'

export default async function ConfigurationPage() {
  const user = await getCurrentUser()
  if (!user) redirect('/login')
  const pages = configurationPagesFor(user)
  return (
    <>
      <h1>Configuration</h1>
      <p className="subtitle">How agents scan and which assets are licensed.</p>
      {pages.length === 0 ? (
        <div className="panel empty">Your role has no configuration pages.</div>
      ) : (
        <ul className="panel admin-index">
          {pages.map((page) => (
            <li key={page.href}>
              <Link href={page.href}>{page.label}</Link>
              <span className="muted"> — {ACTIONS[page.requires]}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
