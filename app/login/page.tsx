// Sign-in page (the one page open without a session).
import { redirect } from 'next/navigation'
import { LoginForm } from '@/components/LoginForm'
import { getCurrentUser } from '@/lib/auth/session'

export const dynamic = 'force-dynamic'

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await getCurrentUser()) redirect('/')
  const { callbackUrl } = await searchParams
  // Only same-site paths: an absolute callback URL would be an open redirect.
  const target = callbackUrl && callbackUrl.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/'
  return (
    <main className="login-page">
      <div className="login-card">
        <h1>Patchboard</h1>
        <p className="subtitle">Sign in to patch reporting and administration.</p>
        <LoginForm callbackUrl={target} />
      </div>
    </main>
  )
}
