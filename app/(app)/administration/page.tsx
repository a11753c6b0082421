// Administration index: the administration pages this user's role may open.
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { getCurrentUser } from '@/lib/auth/session'
import { adminPagesFor } from '@/lib/navigation'
import { ACTIONS } from '@/lib/auth/policy'

export const dynamic = 'force-dynamic'

export default async function AdministrationPage() {
  const user = await getCurrentUser()
  if (!user) redirect('/login')
  const pages = adminPagesFor(user)
  return (
    <>
      <h1>Administration</h1>
      <p className="subtitle">What your role ({user.role}) may administer.</p>
      {pages.length === 0 ? (
        <div className="panel empty">Your role has no administration rights.</div>
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
