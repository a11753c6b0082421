// Sign-in page (the one page open without a session).
import { redirect } from 'next/navigation'
import { LoginForm } from '@/components/LoginForm'
import { OIDC_REFUSALS, readOidcConfig } from '@/lib/auth/oidc'
import { getCurrentUser } from '@/lib/auth/session'

/** A sign-in error code from the URL in plain words (never the URL's own text, which anyone could craft). */
function signInErrorMessage(error: string | undefined): string | null {
  if (!error) return null
  if (Object.hasOwn(OIDC_REFUSALS, error)) return OIDC_REFUSALS[error as keyof typeof OIDC_REFUSALS]
  return 'Sign-in failed. Try again or ask an administrator.'
}

export const dynamic = 'force-dynamic'

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  if (await getCurrentUser()) redirect('/')
  const { callbackUrl, error } = await searchParams
  // Only same-site paths: an absolute callback URL would be an open redirect.
  const target = callbackUrl && callbackUrl.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/'
  return (
    <main className="login-page">
      <div className="login-card">
        <h1>Patchboard</h1>
        <p className="subtitle">Sign in to patch reporting and administration.</p>
        <LoginForm callbackUrl={target} ssoEnabled={readOidcConfig() !== null} initialError={signInErrorMessage(error)} />
      </div>
    </main>
  )
}
