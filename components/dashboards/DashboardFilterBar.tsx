'use client'
// Dashboard-wide filters: a QQL clause over assets (the QQL editor) and a tag picker, applied to every widget together.
import { useMemo, useState } from 'react'
import { callApi } from '@/components/api-client'
import { QqlEditor, type LookUpValues } from '@/components/qql-editor/QqlEditor'
import { Popover } from '@/components/ui/Popover'
import { checkQuery, CURRENT_TOKEN_VERSION } from '@/lib/qql/browser'
import type { DashboardFilters } from '@/widgets/schema'

const SUGGEST_URL = '/api/v1/qql/suggest'
const TAG_PREFIX = 'tags.name: '

async function knownValues(text: string, cursor: number): Promise<string[]> {
  const params = new URLSearchParams({ entity: 'assets', q: text, cursor: String(cursor), v: String(CURRENT_TOKEN_VERSION) })
  const result = await callApi<{ knownValues: string[] }>('GET', `${SUGGEST_URL}?${params.toString()}`)
  return result.ok ? result.data.knownValues : []
}

function TagPicker({ selected, onChange }: { selected: string[]; onChange: (tags: string[]) => void }) {
  const [known, setKnown] = useState<string[] | null>(null)
  const [text, setText] = useState('')
  const options = [...new Set([...(known ?? []), ...selected])].filter((tag) => tag.toLowerCase().includes(text.toLowerCase())).sort()
  const shown = selected.length === 0 ? 'Tags: any' : `Tags: ${selected.length}`
  return (
    <Popover
      // The accessible name keeps the visible words (axe: label-content-name-mismatch).
      label={`${shown} — filter by tags`}
      trigger={shown}
      onOpenChange={(open) => {
        if (open && known === null) void knownValues(TAG_PREFIX, TAG_PREFIX.length).then(setKnown)
      }}
    >
      <div className="tag-picker">
        <input className="input" aria-label="Find a tag" placeholder="Find a tag" value={text} onChange={(event) => setText(event.target.value)} />
        {known === null ? (
          <p className="muted">Loading tags…</p>
        ) : options.length === 0 ? (
          <p className="muted">No tags{text ? ` containing “${text}”` : ' in your scope'}.</p>
        ) : (
          <ul className="tag-picker-list">
            {options.map((tag) => (
              <li key={tag}>
                <label className="inline">
                  <input type="checkbox" checked={selected.includes(tag)} onChange={(event) => onChange(event.target.checked ? [...selected, tag] : selected.filter((one) => one !== tag))} />
                  {tag}
                </label>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Popover>
  )
}

interface Props {
  /** What the widgets currently show. */
  applied: DashboardFilters
  onApply: (filters: DashboardFilters) => void
}

export function DashboardFilterBar({ applied, onApply }: Props) {
  const [query, setQuery] = useState(applied.query)
  const [tried, setTried] = useState(false)
  const check = useMemo(() => checkQuery(query, 'assets', CURRENT_TOKEN_VERSION), [query])
  const lookUpValues = useMemo<LookUpValues>(() => async (request) => knownValues(request.text, request.cursor), [])
  const changed = query !== applied.query
  const active = applied.query !== '' || applied.tags.length > 0

  // Tags apply as they are picked; the query when submitted (Enter or Apply filters).
  function apply(text = query, nextTags = applied.tags) {
    setTried(true)
    if (!checkQuery(text, 'assets', CURRENT_TOKEN_VERSION).valid) return
    onApply({ query: text.trim(), tags: nextTags })
  }

  return (
    <div className="dashboard-filters" role="search" aria-label="Dashboard filters">
      <div className="dashboard-filters-row">
        <div className="qql-input-wrap">
          <QqlEditor
            entity="assets"
            version={CURRENT_TOKEN_VERSION}
            value={query}
            onChange={(text) => {
              setQuery(text)
              setTried(false)
            }}
            onSubmit={(text) => apply(text)}
            lookUpValues={lookUpValues}
            placeholder="Filter every widget, e.g. osFamily: Windows"
            label="Dashboard filter query"
          />
        </div>
        <TagPicker selected={applied.tags} onChange={(next) => apply(applied.query, next)} />
        <button type="button" className={changed ? undefined : 'secondary'} onClick={() => apply()}>
          Apply filters
        </button>
        {active && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setQuery('')
              onApply({ query: '', tags: [] })
            }}
          >
            Clear filters
          </button>
        )}
      </div>
      {!check.valid && query.trim() !== '' && (
        <ul className={tried ? 'qql-errors' : 'qql-errors quiet'} aria-label="Filter errors" role={tried ? 'alert' : undefined}>
          {check.errors.map((error, index) => (
            <li key={index}>{error.message}</li>
          ))}
        </ul>
      )}
      {applied.tags.length > 0 && (
        <p className="dashboard-filter-tags">
          Tags:{' '}
          {applied.tags.map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
        </p>
      )}
    </div>
  )
}
