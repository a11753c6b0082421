'use client'
// The sign-in form: posts credentials through next-auth and shows the server's reason when sign-in fails.
import { signIn } from 'next-auth/react'
import { useState, type FormEvent } from 'react'

/** `ssoEnabled`: offer the OIDC provider too; `initialError`: a reason the server redirected here with. */
export function LoginForm({ callbackUrl, ssoEnabled = false, initialError = null }: { callbackUrl: string; ssoEnabled?: boolean; initialError?: string | null }) {
  const [error, setError] = useState<string | null>(initialError)
  const [busy, setBusy] = useState(false)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    setBusy(true)
    setError(null)
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    })
    setBusy(false)
    if (!result || result.error) {
      setError(result?.error && result.error !== 'CredentialsSignin' ? result.error : 'Wrong email or password.')
      return
    }
    window.location.assign(callbackUrl)
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required autoFocus />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      {ssoEnabled && (
        <button type="button" className="secondary sso" onClick={() => signIn('oidc', { callbackUrl })}>
          Sign in with single sign-on
        </button>
      )}
    </form>
  )
}
