'use client'
// Search actions: save the current search, reopen recent and saved ones, rename, share or delete own saved searches.
import Link from 'next/link'
import { useCallback, useState, type FormEvent } from 'react'
import { callApi } from '@/components/api-client'

interface SavedSearch {
  id: string
  name: string
  query: string
  shared: boolean
  mine: boolean
  ownerEmail: string
  tokenVersion: number
}

interface Searches {
  saved: SavedSearch[]
  recent: { query: string; at: string }[]
}

const hrefFor = (basePath: string, query: string) => (query ? `${basePath}?${new URLSearchParams({ q: query }).toString()}` : basePath)

/** Sends a change; the server's message when it refuses, else null. */
async function send(method: 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<string | null> {
  const result = await callApi(method, url, body)
  return result.ok ? null : result.message
}

export function SearchActions({ entity, basePath, currentQuery }: { entity: string; basePath: string; currentQuery: string }) {
  const [open, setOpen] = useState(false)
  const [saving, setSaving] = useState(false)
  const [searches, setSearches] = useState<Searches>({ saved: [], recent: [] })
  const [message, setMessage] = useState<string | null>(null)

  const load = useCallback(async () => {
    const result = await callApi<Searches>('GET', `/api/v1/searches?entity=${entity}`)
    if (result.ok) setSearches(result.data)
  }, [entity])

  /** Opening the panel fetches the current recent and saved searches. */
  function toggle() {
    if (!open) void load()
    setOpen(!open)
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const error = await send('POST', '/api/v1/searches', { name: String(form.get('name') ?? ''), entity, query: currentQuery, shared: form.get('shared') === 'on' })
    setMessage(error ?? 'Search saved.')
    if (!error) {
      setSaving(false)
      await load()
    }
  }

  async function rename(search: SavedSearch) {
    const name = window.prompt('New name for this saved search', search.name)
    if (!name) return
    setMessage(await send('PATCH', `/api/v1/searches/${search.id}`, { name }))
    await load()
  }

  async function toggleShared(search: SavedSearch) {
    setMessage(await send('PATCH', `/api/v1/searches/${search.id}`, { shared: !search.shared }))
    await load()
  }

  async function remove(search: SavedSearch) {
    if (!window.confirm(`Delete the saved search “${search.name}”?`)) return
    setMessage(await send('DELETE', `/api/v1/searches/${search.id}`))
    await load()
  }

  return (
    <div className="search-actions">
      <button type="button" className="secondary" onClick={() => setSaving((s) => !s)} disabled={!currentQuery}>
        Save search
      </button>
      <button type="button" className="secondary" aria-expanded={open} onClick={toggle}>
        Search actions ▾
      </button>
      {message && (
        <span className="muted" role="status">
          {message}
        </span>
      )}
      {saving && (
        <form className="save-search-form" onSubmit={save} aria-label="Save search">
          <label>
            Name <input name="name" required maxLength={120} autoFocus />
          </label>
          <label>
            <input type="checkbox" name="shared" /> Share with everyone
          </label>
          <button type="submit">Save</button>
        </form>
      )}
      {open && (
        <div className="search-menu" role="dialog" aria-label="Search actions">
          <h3>Recent searches</h3>
          {searches.recent.length === 0 && <p className="muted">None yet.</p>}
          <ul>
            {searches.recent.map((r) => (
              <li key={r.query}>
                <Link href={hrefFor(basePath, r.query)} onClick={() => setOpen(false)}>
                  <code>{r.query}</code>
                </Link>
              </li>
            ))}
          </ul>
          <h3>Saved searches</h3>
          {searches.saved.length === 0 && <p className="muted">None yet.</p>}
          <ul>
            {searches.saved.map((s) => (
              <li key={s.id}>
                <Link href={hrefFor(basePath, s.query)} onClick={() => setOpen(false)}>
                  {s.name}
                </Link>{' '}
                <span className="muted">
                  {s.shared ? 'shared' : 'private'}
                  {!s.mine && ` · by ${s.ownerEmail}`}
                </span>
                {s.mine && (
                  <span className="row-actions">
                    <button type="button" className="link" onClick={() => void rename(s)}>
                      Rename
                    </button>
                    <button type="button" className="link" onClick={() => void toggleShared(s)}>
                      {s.shared ? 'Unshare' : 'Share'}
                    </button>
                    <button type="button" className="link" onClick={() => void remove(s)}>
                      Delete
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
