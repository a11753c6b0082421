'use client'
// One dashboard's rebuild report: each widget rebuilt (the query's before/after as a word diff, and every change named),
// unchanged, or not rebuildable (why, and what to write instead).
import { CURRENT_TOKEN_VERSION } from '@/lib/qql/browser'
import { fieldChanges, wordDiff, type DiffPart, type WidgetRebuildLine } from './report'
import './rebuild.css'

function DiffText({ parts, label }: { parts: DiffPart[]; label: string }) {
  return (
    <code className="rebuild-diff-text" aria-label={label}>
      {parts.length === 0 && <span className="rebuild-diff-empty">(empty: every row)</span>}
      {parts.map((part, index) =>
        part.kind === 'same' ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === 'removed' ? (
          <del key={index}>{part.text}</del>
        ) : (
          <ins key={index}>{part.text}</ins>
        ),
      )}
    </code>
  )
}

const OUTCOME_LABEL = { rebuilt: 'Rebuilt', unchanged: 'Unchanged', notRebuildable: 'Not rebuildable' } as const

function RebuiltDetail({ line, saved }: { line: Extract<WidgetRebuildLine, { outcome: 'rebuilt' }>; saved: boolean }) {
  const diff = wordDiff(line.before.query, line.after.query)
  const others = fieldChanges(line.before, line.after)
  return (
    <>
      <dl className="rebuild-diff">
        <dt>Before (token version {line.before.tokenVersion})</dt>
        <dd>
          <DiffText parts={diff.before} label={`${line.title}: query before`} />
        </dd>
        <dt>{saved ? 'Now' : 'After'} (token version {CURRENT_TOKEN_VERSION})</dt>
        <dd>
          <DiffText parts={diff.after} label={`${line.title}: query after`} />
        </dd>
        {others.map((change) => (
          <div key={change.label} className="rebuild-diff-field">
            <dt>{change.label}</dt>
            <dd>
              <code>
                <del>{change.before}</del> → <ins>{change.after}</ins>
              </code>
            </dd>
          </div>
        ))}
      </dl>
      <ul className="rebuild-reasons">
        {line.changes.map((change, index) => (
          <li key={index}>{change.message}</li>
        ))}
      </ul>
    </>
  )
}

export function RebuildReportList({ widgets, saved }: { widgets: readonly WidgetRebuildLine[]; saved: boolean }) {
  if (widgets.length === 0) return <p className="field-hint">This dashboard has no widgets.</p>
  return (
    <ul className="rebuild-report" aria-label="Widgets">
      {widgets.map((line) => (
        <li key={line.widgetId} className={`rebuild-line rebuild-${line.outcome}`} aria-label={`${line.title}: ${OUTCOME_LABEL[line.outcome]}`}>
          <div className="rebuild-line-head">
            <strong>{line.title}</strong>
            <span className={`rebuild-badge rebuild-badge-${line.outcome}`}>{saved && line.outcome === 'rebuilt' ? 'Rebuilt and saved' : OUTCOME_LABEL[line.outcome]}</span>
          </div>
          {line.outcome === 'rebuilt' && <RebuiltDetail line={line} saved={saved} />}
          {line.outcome === 'unchanged' && <p className="field-hint">Already written in current tokens; nothing to rewrite.</p>}
          {line.outcome === 'notRebuildable' && (
            <>
              <p>It stays as it is and shows its reasons on the dashboard until you edit it:</p>
              <ul className="rebuild-reasons">
                {line.reasons.map((reason, index) => (
                  <li key={index}>{reason.message}</li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ul>
  )
}
