'use client'
// The QQL search box: autocomplete from the parser's cursor mode and known values, keyboard-driven, caret errors.
import { useRouter } from 'next/navigation'
import { useCallback, useRef, useState, type KeyboardEvent } from 'react'
import { callApi } from '@/components/api-client'
import type { QqlError } from '@/lib/qql'
import { QqlErrorList } from './QqlErrorList'

interface Suggestion {
  label: string
  kind: 'token' | 'operator' | 'keyword' | 'value'
  insert: string
}

interface SuggestResponse {
  context: string
  from: number
  to: number
  tokens: string[]
  keywords: string[]
  operators: string[]
  values: string[]
  knownValues: string[]
}

/** Values with spaces or QQL punctuation are inserted quoted, so the inserted text parses as typed. */
function quoteValue(value: string): string {
  return /^[\w.*@/-]+$/.test(value) ? value : `"${value.replace(/(["\\])/g, '\\$1')}"`
}

function toSuggestions(response: SuggestResponse): Suggestion[] {
  const values = [...new Set([...response.values, ...response.knownValues])]
  return [
    ...values.map((v) => ({ label: v, kind: 'value' as const, insert: `${quoteValue(v)} ` })),
    ...response.operators.map((o) => ({ label: o, kind: 'operator' as const, insert: o === ':' ? ': ' : ` ${o} ` })),
    ...response.tokens.map((t) => ({ label: t, kind: 'token' as const, insert: `${t}: ` })),
    ...response.keywords.map((k) => ({ label: k, kind: 'keyword' as const, insert: `${k} ` })),
  ].slice(0, 40)
}

interface Props {
  entity: 'assets' | 'patches' | 'findings'
  basePath: string
  initialQuery: string
  /** Errors of the query in the URL, found by the server. */
  initialErrors: QqlError[]
  placeholder: string
}

export function QqlSearchBox({ entity, basePath, initialQuery, initialErrors, placeholder }: Props) {
  const router = useRouter()
  const input = useRef<HTMLInputElement>(null)
  const [query, setQuery] = useState(initialQuery)
  const [errors, setErrors] = useState<QqlError[]>(initialErrors)
  const [checkedQuery, setCheckedQuery] = useState(initialQuery)
  const [suggestions, setSuggestions] = useState<Suggestion[]>([])
  const [span, setSpan] = useState({ from: 0, to: 0 })
  const [active, setActive] = useState(-1)
  const [open, setOpen] = useState(false)
  const requestId = useRef(0)

  // A new query from the server (navigation) replaces what was typed: adjusted while rendering, not in an effect.
  const [fromServer, setFromServer] = useState({ initialQuery, initialErrors })
  if (fromServer.initialQuery !== initialQuery || fromServer.initialErrors !== initialErrors) {
    setFromServer({ initialQuery, initialErrors })
    setQuery(initialQuery)
    setErrors(initialErrors)
    setCheckedQuery(initialQuery)
  }

  const fetchSuggestions = useCallback(
    async (text: string, cursor: number) => {
      const id = ++requestId.current
      const params = new URLSearchParams({ entity, q: text, cursor: String(cursor) })
      const result = await callApi<SuggestResponse>('GET', `/api/v1/qql/suggest?${params.toString()}`)
      if (!result.ok || id !== requestId.current) return
      const body = result.data
      setSuggestions(toSuggestions(body))
      setSpan({ from: body.from, to: body.to })
      setActive(-1)
      setOpen(true)
    },
    [entity],
  )

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  function scheduleSuggestions(text: string, cursor: number) {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => void fetchSuggestions(text, cursor), 120)
  }

  function accept(suggestion: Suggestion) {
    const next = query.slice(0, span.from) + suggestion.insert + query.slice(span.to).replace(/^\s+/, '')
    const cursor = span.from + suggestion.insert.length
    setQuery(next)
    setOpen(false)
    requestAnimationFrame(() => {
      input.current?.focus()
      input.current?.setSelectionRange(cursor, cursor)
    })
    scheduleSuggestions(next, cursor)
  }

  async function submit(text: string) {
    // A suggestion request still in flight must not reopen the list over the results.
    clearTimeout(timer.current)
    requestId.current++
    setOpen(false)
    const result = await callApi<{ valid: boolean; errors: QqlError[] }>('POST', '/api/v1/qql/validate', { entity, query: text })
    setCheckedQuery(text)
    if (!result.ok) {
      setErrors([{ message: result.message, start: 0, end: 0 }])
      return
    }
    if (!result.data.valid) {
      setErrors(result.data.errors)
      return
    }
    setErrors([])
    router.push(text.trim() ? `${basePath}?${new URLSearchParams({ q: text }).toString()}` : basePath)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (open && suggestions.length > 0) {
      if (event.key === 'ArrowDown') {
        event.preventDefault()
        setActive((i) => (i + 1) % suggestions.length)
        return
      }
      if (event.key === 'ArrowUp') {
        event.preventDefault()
        setActive((i) => (i <= 0 ? suggestions.length - 1 : i - 1))
        return
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && active >= 0) {
        event.preventDefault()
        accept(suggestions[active])
        return
      }
    }
    if (event.key === 'Escape') {
      setOpen(false)
      return
    }
    if (event.key === 'Enter') {
      event.preventDefault()
      void submit(query)
    }
  }

  return (
    <div className="qql-box">
      <div className="qql-row">
        <div className="qql-input-wrap">
          <input
            ref={input}
            className="qql-input"
            aria-label="Search query"
            role="combobox"
            aria-expanded={open && suggestions.length > 0}
            aria-controls="qql-suggestions"
            aria-autocomplete="list"
            spellCheck={false}
            autoComplete="off"
            value={query}
            placeholder={placeholder}
            onChange={(event) => {
              setQuery(event.target.value)
              scheduleSuggestions(event.target.value, event.target.selectionStart ?? event.target.value.length)
            }}
            onFocus={(event) => scheduleSuggestions(event.target.value, event.target.selectionStart ?? event.target.value.length)}
            onClick={(event) => scheduleSuggestions(query, event.currentTarget.selectionStart ?? query.length)}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
            onKeyDown={onKeyDown}
          />
          {open && suggestions.length > 0 && (
            <ul id="qql-suggestions" className="qql-suggestions" role="listbox" aria-label="Suggestions">
              {suggestions.map((s, i) => (
                <li
                  key={`${s.kind}:${s.label}`}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'active' : undefined}
                  onMouseDown={(event) => {
                    event.preventDefault()
                    accept(s)
                  }}
                >
                  <span className="qql-suggestion-label">{s.label}</span>
                  <span className={`qql-kind qql-kind-${s.kind}`}>{s.kind}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <button type="button" onClick={() => void submit(query)}>
          Search
        </button>
        {query && (
          <button type="button" className="secondary" onClick={() => void submit('')}>
            Clear
          </button>
        )}
      </div>
      <QqlErrorList query={checkedQuery} errors={errors} />
    </div>
  )
}
