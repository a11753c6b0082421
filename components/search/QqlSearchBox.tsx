'use client'
// A list's QQL box: the QQL editor checked in the browser, its English reading or errors, the v1 rebuild offer, and
// Search/Enter opening the list at that query and token version.
import { useRouter } from 'next/navigation'
import { useMemo, useState } from 'react'
import { QqlEditor, type RecentSearch } from '@/components/qql-editor/QqlEditor'
import { checkQuery, CURRENT_TOKEN_VERSION, type Entity } from '@/lib/qql/browser'
import { useKnownValues } from './known-values'
import { RebuildOffer } from './RebuildOffer'
import { searchHref } from './search-href'
import './search-box.css'

interface Props {
  entity: Entity
  basePath: string
  initialQuery: string
  /** The token version of the query in the URL (`v`). */
  initialVersion: number
  recent: readonly RecentSearch[]
  placeholder: string
  /** Where known values are looked up (GET ?entity&q&cursor&v → { knownValues }). */
  suggestUrl: string
}

export function QqlSearchBox({ entity, basePath, initialQuery, initialVersion, recent, placeholder, suggestUrl }: Props) {
  const router = useRouter()
  const [query, setQuery] = useState(initialQuery)
  const [version, setVersion] = useState(initialVersion)
  const [submitted, setSubmitted] = useState(false)
  const check = useMemo(() => checkQuery(query, entity, version), [query, entity, version])

  const lookUpValues = useKnownValues(entity, version, suggestUrl)

  function submit(text: string) {
    setSubmitted(true)
    if (!checkQuery(text, entity, version).valid) return
    router.push(searchHref(basePath, text, version))
  }

  return (
    <div className="qql-box">
      <div className="qql-row">
        <div className="qql-input-wrap">
          <QqlEditor
            entity={entity}
            version={version}
            value={query}
            onChange={(text) => {
              setQuery(text)
              setSubmitted(false)
            }}
            onSubmit={submit}
            recent={recent}
            onRecall={(search) => {
              setQuery(search.query)
              setVersion(search.version)
            }}
            lookUpValues={lookUpValues}
            placeholder={placeholder}
            label="Search query"
          />
        </div>
        <button type="button" onClick={() => submit(query)}>
          Search
        </button>
        {query && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setQuery('')
              setVersion(CURRENT_TOKEN_VERSION)
              router.push(basePath)
            }}
          >
            Clear
          </button>
        )}
      </div>
      <RebuildOffer
        query={query}
        check={check}
        onRebuild={(rebuilt) => {
          setQuery(rebuilt)
          setVersion(CURRENT_TOKEN_VERSION)
        }}
      />
      {check.valid ? (
        query.trim() !== '' && (
          <p className="explain" data-testid="query-explain" aria-live="polite">
            {check.explain}
          </p>
        )
      ) : (
        <ul className={submitted ? 'qql-errors' : 'qql-errors quiet'} aria-label="Query errors" role={submitted ? 'alert' : undefined}>
          {check.errors.map((error, index) => (
            <li key={index}>{error.message}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
