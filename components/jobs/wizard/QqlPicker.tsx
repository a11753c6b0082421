'use client'
// Picks assets or patches for a job with the list's own QQL search: matching rows with checkboxes, the chosen ones as removable chips.
import { useState } from 'react'
import { callApi } from '@/components/api-client'
import { QqlEditor } from '@/components/qql-editor/QqlEditor'
import { useKnownValues } from '@/components/search/known-values'
import { checkQuery, CURRENT_TOKEN_VERSION } from '@/lib/qql/browser'

export interface PickerItem {
  id: string
  label: string
  detail: string
}

interface Props {
  entity: 'assets' | 'patches'
  /** The picker's name, e.g. "Target assets". */
  label: string
  placeholder: string
  selected: string[]
  /** Names of the chosen ids known so far (others show their id). */
  names: Record<string, string>
  onChange: (ids: string[], names: Record<string, string>) => void
  disabled?: boolean
}

type Row = { id: string; name?: string; title?: string; operatingSystem?: string; vendorSeverity?: string; missingCount?: number }

function toItem(entity: Props['entity'], row: Row): PickerItem {
  return entity === 'assets'
    ? { id: row.id, label: row.name ?? row.id, detail: `${row.operatingSystem ?? ''} · ${row.missingCount ?? 0} missing` }
    : { id: row.id, label: row.title ?? row.id, detail: `${row.vendorSeverity ?? ''} · missing on ${row.missingCount ?? 0}` }
}

export function QqlPicker({ entity, label, placeholder, selected, names, onChange, disabled = false }: Props) {
  const [query, setQuery] = useState('')
  const [results, setResults] = useState<{ items: PickerItem[]; total: number } | null>(null)
  const [error, setError] = useState('')
  const lookUpValues = useKnownValues(entity, CURRENT_TOKEN_VERSION)
  const chosen = new Set(selected)

  async function search(text: string) {
    const check = checkQuery(text, entity, CURRENT_TOKEN_VERSION)
    if (!check.valid) return setError(check.errors[0]?.message ?? 'The query is not valid.')
    setError('')
    const params = new URLSearchParams({ q: text, v: String(CURRENT_TOKEN_VERSION), pageSize: '25' })
    const result = await callApi<{ rows: Row[]; total: number }>('GET', `/api/v1/${entity}?${params.toString()}`)
    if (!result.ok) return setError(result.message)
    setResults({ items: result.data.rows.map((row) => toItem(entity, row)), total: result.data.total })
  }

  function toggle(item: PickerItem, on: boolean) {
    onChange(on ? [...selected, item.id] : selected.filter((id) => id !== item.id), { ...names, [item.id]: item.label })
  }

  function addAll() {
    if (!results) return
    const extra = results.items.filter((item) => !chosen.has(item.id))
    onChange([...selected, ...extra.map((item) => item.id)], { ...names, ...Object.fromEntries(extra.map((item) => [item.id, item.label])) })
  }

  return (
    <div className="job-picker" role="group" aria-label={label}>
      <div className="chip-list" aria-label={`Chosen ${entity}`}>
        {selected.length === 0 && <span className="muted">None chosen yet.</span>}
        {selected.map((id) => (
          <span key={id} className="chip" data-testid="picked">
            {names[id] ?? id}
            {!disabled && (
              <button type="button" className="chip-remove" aria-label={`Remove ${names[id] ?? id}`} onClick={() => onChange(selected.filter((other) => other !== id), names)}>
                <span aria-hidden="true">✕</span>
              </button>
            )}
          </span>
        ))}
      </div>
      {!disabled && (
        <>
          <div className="qql-row">
            <div className="qql-input-wrap">
              <QqlEditor entity={entity} version={CURRENT_TOKEN_VERSION} value={query} onChange={setQuery} onSubmit={search} lookUpValues={lookUpValues} placeholder={placeholder} label={`Search ${entity}`} />
            </div>
            <button type="button" className="secondary" onClick={() => search(query)}>
              Find {entity}
            </button>
          </div>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          {results && (
            <div className="picker-results">
              <div className="picker-head">
                <span className="muted">
                  {results.total === 0 ? `No ${entity} match.` : `${results.items.length} of ${results.total.toLocaleString('en')} matching ${entity} shown`}
                </span>
                {results.items.length > 0 && (
                  <button type="button" className="link" onClick={addAll}>
                    Add all shown
                  </button>
                )}
              </div>
              <ul className="picker-list">
                {results.items.map((item) => (
                  <li key={item.id}>
                    <label className="inline">
                      <input type="checkbox" checked={chosen.has(item.id)} onChange={(event) => toggle(item, event.target.checked)} />
                      <span>{item.label}</span>
                      <span className="muted">{item.detail}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </div>
  )
}
