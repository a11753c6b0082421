'use client'
// Data import → Purge the quarantine: by age, by activation key or all; "Purge…" first counts the rows, a second click confirms.
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { callApi } from './api-client'
import { Notice, type NoticeMessage } from './ui/Notice'

type Selection = 'age' | 'key' | 'all'

export interface PurgeKeyOption {
  id: string
  label: string
}

const count = (n: number) => n.toLocaleString('en')

export function QuarantinePurge({ keys }: { keys: PurgeKeyOption[] }) {
  const router = useRouter()
  const [selection, setSelection] = useState<Selection>('age')
  const [days, setDays] = useState('30')
  const [keyId, setKeyId] = useState(keys[0]?.id ?? '')
  /** The counted selection waiting for the second click. */
  const [pending, setPending] = useState<{ filter: string; rows: number } | null>(null)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<NoticeMessage | null>(null)

  const filter = selection === 'all' ? 'all=true' : selection === 'age' ? `olderThanDays=${encodeURIComponent(days.trim())}` : `keyId=${encodeURIComponent(keyId)}`
  /** Any change of what to purge drops a confirmation that counted something else. */
  const change = <T,>(set: (value: T) => void) => (value: T) => {
    set(value)
    setPending(null)
    setNotice(null)
  }

  async function countMatching() {
    setBusy(true)
    setNotice(null)
    const listFilter = selection === 'all' ? '' : `&${filter}`
    const result = await callApi<{ total: number }>('GET', `/api/v1/admin/quarantine?limit=1${listFilter}`)
    setBusy(false)
    if (!result.ok) return setNotice({ kind: 'error', text: result.message })
    if (result.data.total === 0) return setNotice({ kind: 'ok', text: 'No quarantined documents match: there is nothing to purge.' })
    setPending({ filter, rows: result.data.total })
  }

  async function purge(confirmed: { filter: string }) {
    setBusy(true)
    const result = await callApi<{ purged: number }>('DELETE', `/api/v1/admin/quarantine?${confirmed.filter}`)
    setBusy(false)
    setPending(null)
    if (!result.ok) return setNotice({ kind: 'error', text: result.message })
    setNotice({ kind: 'ok', text: `Purged ${count(result.data.purged)} quarantined ${result.data.purged === 1 ? 'document' : 'documents'}; the purge is in the audit log.` })
    router.refresh()
  }

  return (
    <section className="panel form-grid" aria-label="Purge the quarantine">
      <h2>Purge the quarantine</h2>
      <p className="hint">Removes rejected documents for good (the ingest history keeps its counts). Every purge is written to the audit log.</p>
      <div className="field">
        <label htmlFor="purge-selection">Which documents</label>
        <select id="purge-selection" value={selection} onChange={(event) => change(setSelection)(event.target.value as Selection)}>
          <option value="age">Received more than … days ago</option>
          <option value="key" disabled={keys.length === 0}>
            Sent with one activation key
          </option>
          <option value="all">All quarantined documents</option>
        </select>
      </div>
      {selection === 'age' && (
        <div className="field">
          <label htmlFor="purge-days">Days</label>
          <input id="purge-days" type="number" min={0} max={36500} step={1} value={days} onChange={(event) => change(setDays)(event.target.value)} />
        </div>
      )}
      {selection === 'key' && (
        <div className="field">
          <label htmlFor="purge-key">Activation key</label>
          <select id="purge-key" value={keyId} onChange={(event) => change(setKeyId)(event.target.value)}>
            {keys.map((key) => (
              <option key={key.id} value={key.id}>
                {key.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="form-actions">
        {pending ? (
          <>
            <button type="button" className="danger solid" disabled={busy} onClick={() => void purge(pending)}>
              Confirm purge of {count(pending.rows)} {pending.rows === 1 ? 'row' : 'rows'}
            </button>{' '}
            <button type="button" className="secondary" disabled={busy} onClick={() => setPending(null)}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" className="danger" disabled={busy} onClick={() => void countMatching()}>
            Purge…
          </button>
        )}
      </div>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
    </section>
  )
}
