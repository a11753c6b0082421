'use client'
// Search actions: save the current search (at its token version), reopen recent and saved ones at theirs, rename,
// share or delete own saved searches.
import Link from 'next/link'
import { useCallback, useState, type FormEvent } from 'react'
import { callApi } from '@/components/api-client'
import { useConfirm } from '@/components/ui/ConfirmDialog'
import { Dialog } from '@/components/ui/Dialog'
import { CURRENT_TOKEN_VERSION } from '@/lib/qql/browser'
import { searchHref } from './search-href'

export interface SavedSearch {
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
  recent: { query: string; tokenVersion: number; at: string }[]
}

/** Sends a change; the server's message when it refuses, else null. */
async function send(method: 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<string | null> {
  const result = await callApi(method, url, body)
  return result.ok ? null : result.message
}

interface Props {
  entity: string
  basePath: string
  currentQuery: string
  /** The token version of the current query; a saved search keeps it. */
  currentVersion: number
}

export function SearchActions({ entity, basePath, currentQuery, currentVersion }: Props) {
  const [open, setOpen] = useState(false)
  const [saving, setSaving] = useState(false)
  const [renaming, setRenaming] = useState<SavedSearch | null>(null)
  const [searches, setSearches] = useState<Searches>({ saved: [], recent: [] })
  const [message, setMessage] = useState<string | null>(null)
  const { confirm, confirmDialog } = useConfirm()

  const load = useCallback(async () => {
    const result = await callApi<Searches>('GET', `/api/v1/searches?entity=${entity}`)
    if (result.ok) setSearches(result.data)
  }, [entity])

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const body = { name: String(form.get('name') ?? ''), entity, query: currentQuery, tokenVersion: currentVersion, shared: form.get('shared') === 'on' }
    const error = await send('POST', '/api/v1/searches', body)
    setMessage(error ?? 'Search saved.')
    if (!error) {
      setSaving(false)
      await load()
    }
  }

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (renaming === null) return
    const name = String(new FormData(event.currentTarget).get('name') ?? '')
    const error = await send('PATCH', `/api/v1/searches/${renaming.id}`, { name })
    setMessage(error)
    if (!error) setRenaming(null)
    await load()
  }

  async function toggleShared(search: SavedSearch) {
    setMessage(await send('PATCH', `/api/v1/searches/${search.id}`, { shared: !search.shared }))
    await load()
  }

  async function remove(search: SavedSearch) {
    const confirmed = await confirm({ title: `Delete “${search.name}”?`, description: 'The saved search is deleted for everyone it is shared with.', confirmLabel: 'Delete search', danger: true })
    if (!confirmed) return
    setMessage(await send('DELETE', `/api/v1/searches/${search.id}`))
    await load()
  }

  return (
    <div className="search-actions">
      <button type="button" className="secondary" onClick={() => setSaving((s) => !s)} disabled={!currentQuery}>
        Save search
      </button>
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        onClick={() => {
          if (!open) void load()
          setOpen(!open)
        }}
      >
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
        <div className="search-menu" role="region" aria-label="Search actions">
          <h3>Recent searches</h3>
          {searches.recent.length === 0 && <p className="muted">None yet.</p>}
          <ul>
            {searches.recent.map((r) => (
              <li key={`${r.tokenVersion}:${r.query}`}>
                <Link href={searchHref(basePath, r.query, r.tokenVersion)} onClick={() => setOpen(false)}>
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
                <Link href={searchHref(basePath, s.query, s.tokenVersion)} onClick={() => setOpen(false)}>
                  {s.name}
                </Link>{' '}
                <span className="muted">
                  {s.shared ? 'shared' : 'private'}
                  {!s.mine && ` · by ${s.ownerEmail}`}
                  {s.tokenVersion !== CURRENT_TOKEN_VERSION && ` · token version ${s.tokenVersion}`}
                </span>
                {s.mine && (
                  <span className="row-actions">
                    <button type="button" className="link" onClick={() => setRenaming(s)}>
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
      <Dialog title="Rename saved search" open={renaming !== null} onOpenChange={(next) => !next && setRenaming(null)}>
        {renaming && (
          <form onSubmit={rename} aria-label="Rename saved search">
            <label>
              New name <input name="name" required maxLength={120} defaultValue={renaming.name} autoFocus />
            </label>
            <div className="dialog-actions">
              <button type="submit">Rename</button>
            </div>
          </form>
        )}
      </Dialog>
      {confirmDialog}
    </div>
  )
}
