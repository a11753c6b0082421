'use client'
// Account: the signed-in user's name and time zone, password, and personal API tokens (a new token is shown once).
import { useRouter } from 'next/navigation'
import { useState, type FormEvent } from 'react'
import type { ApiTokenListing } from '@/lib/repositories/api-tokens'
import type { UserView } from '@/lib/services/user-admin'
import { callApi } from './api-client'

type Notice = { kind: 'ok' | 'error'; text: string; secret?: string } | null

const EXPIRY_CHOICES: { label: string; days: number | null }[] = [
  { label: '30 days', days: 30 },
  { label: '90 days', days: 90 },
  { label: '1 year', days: 365 },
  { label: 'Never', days: null },
]

function NoticeBox({ notice }: { notice: Notice }) {
  if (!notice) return null
  return (
    <div className={notice.kind === 'ok' ? 'notice' : 'error'} role={notice.kind === 'ok' ? 'status' : 'alert'}>
      {notice.text}
      {notice.secret && <code className="secret">{notice.secret}</code>}
    </div>
  )
}

export function AccountSettings({ account, tokens, timeZones }: { account: UserView; tokens: ApiTokenListing[]; timeZones: string[] }) {
  const router = useRouter()
  const [notice, setNotice] = useState<Notice>(null)
  // Expiry is judged as of when the page was opened: rendering must stay pure (no clock reads while rendering).
  const [loadedAt] = useState(() => Date.now())

  async function saveProfile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const result = await callApi<UserView>('PATCH', '/api/v1/me', { name: String(data.get('name')), timeZone: String(data.get('timeZone')) })
    setNotice(result.ok ? { kind: 'ok', text: 'Saved your profile.' } : { kind: 'error', text: result.message })
    if (result.ok) router.refresh()
  }

  async function changePassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    if (data.get('newPassword') !== data.get('confirmPassword')) return setNotice({ kind: 'error', text: 'The new passwords do not match.' })
    const result = await callApi('POST', '/api/v1/me/password', { currentPassword: String(data.get('currentPassword')), newPassword: String(data.get('newPassword')) })
    if (!result.ok) return setNotice({ kind: 'error', text: result.message })
    // Every session ends with a password change, this one too.
    window.location.assign('/login')
  }

  async function createToken(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = event.currentTarget
    const data = new FormData(form)
    const expiry = String(data.get('expiry'))
    const result = await callApi<{ token: string }>('POST', '/api/v1/me/tokens', {
      name: String(data.get('tokenName')),
      expiresInDays: expiry === 'never' ? null : Number(expiry),
    })
    if (!result.ok) return setNotice({ kind: 'error', text: result.message })
    form.reset()
    setNotice({ kind: 'ok', text: 'Token created. Copy it now: it is shown only this once.', secret: result.data.token })
    router.refresh()
  }

  async function revoke(token: ApiTokenListing) {
    const result = await callApi('DELETE', `/api/v1/me/tokens/${token.id}`)
    setNotice(result.ok ? { kind: 'ok', text: `Revoked "${token.name}".` } : { kind: 'error', text: result.message })
    if (result.ok) router.refresh()
  }

  return (
    <>
      <NoticeBox notice={notice} />
      <div className="account-grid">
        <form className="panel form-grid" onSubmit={saveProfile} aria-label="Profile">
          <h2>Profile</h2>
          <div className="field">
            <label htmlFor="name">Name</label>
            <input id="name" name="name" defaultValue={account.name} required />
          </div>
          <div className="field">
            <label htmlFor="timeZone">Time zone (times are shown in it)</label>
            <select id="timeZone" name="timeZone" defaultValue={account.timeZone}>
              {timeZones.map((zone) => (
                <option key={zone}>{zone}</option>
              ))}
            </select>
          </div>
          <div className="form-actions">
            <button type="submit">Save profile</button>
          </div>
        </form>
        <form className="panel form-grid" onSubmit={changePassword} aria-label="Password">
          <h2>Password</h2>
          <div className="field">
            <label htmlFor="currentPassword">Current password</label>
            <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required />
          </div>
          <div className="field">
            <label htmlFor="newPassword">New password (at least 12 characters, not your email)</label>
            <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" required />
          </div>
          <div className="field">
            <label htmlFor="confirmPassword">New password again</label>
            <input id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" required />
          </div>
          <div className="form-actions">
            <button type="submit">Change password</button>
            <span className="muted">Signs you out everywhere.</span>
          </div>
        </form>
      </div>
      <div className="panel">
        <form className="form-grid token-form" onSubmit={createToken} aria-label="New API token">
          <h2>API tokens</h2>
          <p className="muted">
            Scripts send <code>Authorization: Bearer pbt_…</code> and act as you, with your role and tag scope.
          </p>
          <div className="field">
            <label htmlFor="tokenName">Token name</label>
            <input id="tokenName" name="tokenName" required maxLength={100} placeholder="e.g. nightly export" />
          </div>
          <div className="field">
            <label htmlFor="expiry">Expires after</label>
            <select id="expiry" name="expiry" defaultValue="90">
              {EXPIRY_CHOICES.map((choice) => (
                <option key={choice.label} value={choice.days ?? 'never'}>
                  {choice.label}
                </option>
              ))}
            </select>
          </div>
          <div className="form-actions">
            <button type="submit">Create token</button>
          </div>
        </form>
        <table className="data" aria-label="API tokens">
          <thead>
            <tr>
              <th>Name</th>
              <th>Created (UTC)</th>
              <th>Expires (UTC)</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => {
              const expired = token.expiresAt !== null && Date.parse(token.expiresAt) <= loadedAt
              return (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>{token.createdAt.slice(0, 16).replace('T', ' ')}</td>
                  <td>{token.expiresAt ? token.expiresAt.slice(0, 16).replace('T', ' ') : 'never'}</td>
                  <td>{token.revokedAt ? 'Revoked' : expired ? 'Expired' : 'Active'}</td>
                  <td>
                    {!token.revokedAt && (
                      <button type="button" className="secondary" onClick={() => revoke(token)}>
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
        {tokens.length === 0 && <div className="empty">No API tokens yet.</div>}
      </div>
    </>
  )
}
