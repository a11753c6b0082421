'use client'
// Administration → Activation keys: create a key (shown once), list keys by prefix with tags and last use, revoke.
import { useRouter } from 'next/navigation'
import { useState, type FormEvent } from 'react'
import { formatDateTime } from '@/lib/format'
import type { ActivationKeyListing } from '@/lib/repositories/activation-keys'
import { callApi } from './api-client'

type Notice = { kind: 'ok' | 'error'; text: string; secret?: string } | null

export function ActivationKeyAdmin({ keys, timeZone }: { keys: ActivationKeyListing[]; timeZone: string }) {
  const router = useRouter()
  const [notice, setNotice] = useState<Notice>(null)
  const [busy, setBusy] = useState(false)

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = event.currentTarget
    const data = new FormData(form)
    const tags = String(data.get('tags') ?? '')
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean)
    setBusy(true)
    const result = await callApi<{ key: string; displayPrefix: string }>('POST', '/api/v1/admin/activation-keys', { title: String(data.get('title') ?? ''), tags })
    setBusy(false)
    if (!result.ok) return setNotice({ kind: 'error', text: result.message })
    form.reset()
    setNotice({ kind: 'ok', text: `Created the key ${result.data.displayPrefix} — copy it now, it is not shown again:`, secret: result.data.key })
    router.refresh()
  }

  async function revoke(key: ActivationKeyListing) {
    if (!window.confirm(`Revoke pbk_${key.prefix}_…? Agents using it can no longer send data.`)) return
    const result = await callApi('DELETE', `/api/v1/admin/activation-keys/${key.id}`)
    setNotice(result.ok ? { kind: 'ok', text: `Revoked the key pbk_${key.prefix}_…; agents using it are refused from now on.` } : { kind: 'error', text: result.message })
    router.refresh()
  }

  return (
    <>
      {notice && (
        <div className={notice.kind === 'ok' ? 'notice' : 'error'} role={notice.kind === 'ok' ? 'status' : 'alert'}>
          {notice.text}
          {notice.secret && (
            <code className="secret" data-testid="new-activation-key">
              {notice.secret}
            </code>
          )}
        </div>
      )}
      <form className="panel form-grid" onSubmit={create} aria-label="New activation key">
        <h2>New activation key</h2>
        <div className="field">
          <label htmlFor="key-title">Title</label>
          <input id="key-title" name="title" maxLength={200} placeholder="e.g. Berlin office agents" />
        </div>
        <div className="field">
          <label htmlFor="key-tags">Tags (comma-separated)</label>
          <input id="key-tags" name="tags" placeholder="e.g. Site-Berlin, Workstations" />
        </div>
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            Create key
          </button>
        </div>
      </form>
      <div className="panel">
        <table className="data" aria-label="Activation keys">
          <thead>
            <tr>
              <th>Key</th>
              <th>Title</th>
              <th>Tags</th>
              <th>Created ({timeZone})</th>
              <th>Last used</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id}>
                <td>
                  <code>pbk_{key.prefix}_…</code>
                </td>
                <td>{key.title || <span className="muted">—</span>}</td>
                <td>
                  {key.tags.map((tag) => (
                    <span key={tag} className="tag">
                      {tag}
                    </span>
                  ))}
                </td>
                <td>
                  {formatDateTime(key.createdAt, timeZone)} <span className="muted">by {key.createdBy}</span>
                </td>
                <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt, timeZone) : <span className="muted">never</span>}</td>
                <td>{key.revokedAt ? <span className="status-revoked">Revoked {formatDateTime(key.revokedAt, timeZone)}</span> : <span className="status-active">Active</span>}</td>
                <td>
                  {!key.revokedAt && (
                    <button type="button" className="danger" onClick={() => revoke(key)}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {keys.length === 0 && <div className="empty">No activation keys yet.</div>}
      </div>
    </>
  )
}
