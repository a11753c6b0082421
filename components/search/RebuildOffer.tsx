'use client'
// A query written for an older token version: its warnings, and an offer to rebuild it for the current version.
import { useState } from 'react'
import { CURRENT_TOKEN_VERSION, type QueryCheck } from '@/lib/qql/browser'

interface Props {
  query: string
  check: QueryCheck
  onRebuild: (rebuilt: string) => void
}

export function RebuildOffer({ query, check, onRebuild }: Props) {
  const [showing, setShowing] = useState(false)
  if (check.version >= CURRENT_TOKEN_VERSION) return null
  return (
    <div className="rebuild-offer" role="status" aria-label="Older token version">
      <p>
        Written for token version {check.version} (current: {CURRENT_TOKEN_VERSION}).{' '}
        {check.migrated !== null ? (
          <button type="button" className="link" aria-expanded={showing} onClick={() => setShowing((open) => !open)}>
            Rebuild…
          </button>
        ) : (
          check.errors.length > 0 && <span>It cannot be rebuilt automatically (see the errors below).</span>
        )}
      </p>
      {check.warnings.length > 0 && (
        <ul className="rebuild-warnings">
          {check.warnings.map((warning, index) => (
            <li key={index}>{warning.message}</li>
          ))}
        </ul>
      )}
      {showing && check.migrated !== null && (
        <div className="rebuild-preview">
          <dl>
            <dt>Before (version {check.version})</dt>
            <dd>
              <code>{query}</code>
            </dd>
            <dt>After (version {CURRENT_TOKEN_VERSION})</dt>
            <dd>
              <code>{check.migrated}</code>
            </dd>
          </dl>
          {check.changes.length > 0 && (
            <ul>
              {check.changes.map((change, index) => (
                <li key={index}>
                  <span className="rebuild-change">
                    {change.from} → {change.to}
                  </span>{' '}
                  ({change.message})
                </li>
              ))}
            </ul>
          )}
          <button type="button" onClick={() => onRebuild(check.migrated ?? query)}>
            Use the rebuilt query
          </button>
        </div>
      )}
    </div>
  )
}
