'use client'
// The QQL editor (CodeMirror 6) for every QQL box: highlighting, diagnostics and autocomplete from the parser running in
// the browser, known values from the server only where the database has them, ↑ for recent searches, Enter submits.
import { autocompletion, closeCompletion, completionKeymap, type CompletionSource } from '@codemirror/autocomplete'
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands'
import { forceLinting } from '@codemirror/lint'
import { EditorState, type Extension } from '@codemirror/state'
import { EditorView, keymap, placeholder as placeholderText } from '@codemirror/view'
import { useEffect, useRef } from 'react'
import type { Entity } from '@/lib/qql/browser'
import { grammarCompletion, knownValueCompletion, type CompletionSettings } from './completion'
import { qqlLinter } from './diagnostics'
import { qqlHighlighting } from './highlighting'
import { isRecentRequested, recentSearches, type RecentSearch } from './recent'
import { qqlTheme } from './theme'

export type { RecentSearch } from './recent'
export type LookUpValues = NonNullable<CompletionSettings['lookUpValues']>

export interface QqlEditorProps {
  entity: Entity
  /** The token-schema version the text is written for. */
  version: number
  value: string
  onChange: (value: string) => void
  onSubmit: (value: string) => void
  /** Offered by ↑; picking one replaces the text and reports the search (its version may differ). */
  recent?: readonly RecentSearch[]
  onRecall?: (search: RecentSearch) => void
  /** Known values from the database (debounced, value positions only); omit for a box without a lookup. */
  lookUpValues?: LookUpValues | null
  placeholder?: string
  label: string
  id?: string
}

/** A QQL box is one line: a pasted line break becomes a space. */
const singleLine = EditorState.transactionFilter.of((transaction) => {
  if (!transaction.docChanged || transaction.newDoc.lines === 1) return transaction
  const text = transaction.newDoc.toString().replace(/\r?\n/g, ' ')
  return { changes: { from: 0, to: transaction.startState.doc.length, insert: text }, selection: { anchor: Math.min(transaction.newSelection.main.head, text.length) } }
})

export function QqlEditor(props: QqlEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  // The view lives across renders; its callbacks read the latest props through this ref.
  const latest = useRef(props)
  useEffect(() => {
    latest.current = props
  })

  useEffect(() => {
    if (host.current === null) return
    const settings = (): CompletionSettings => ({ entity: latest.current.entity, version: latest.current.version, lookUpValues: latest.current.lookUpValues ?? null })
    const recent = recentSearches(() => ({ recent: latest.current.recent ?? [], onRecall: (search) => (latest.current.onRecall ?? ((s) => latest.current.onChange(s.query)))(search) }))
    const unlessRecent =
      (source: CompletionSource): CompletionSource =>
      (context) =>
        isRecentRequested(context.state) ? null : source(context)
    const submit = (editor: EditorView) => {
      closeCompletion(editor)
      latest.current.onSubmit(editor.state.doc.toString())
      return true
    }
    const extensions: Extension[] = [
      singleLine,
      history(),
      recent.field,
      autocompletion({ override: [recent.source, unlessRecent(grammarCompletion(settings)), unlessRecent(knownValueCompletion(settings))], icons: false }),
      keymap.of([...recent.keys, ...completionKeymap, { key: 'Enter', run: submit }, ...historyKeymap, ...defaultKeymap]),
      qqlLinter(() => ({ entity: latest.current.entity, version: latest.current.version })),
      qqlHighlighting,
      qqlTheme,
      placeholderText(props.placeholder ?? ''),
      // tabindex: a query longer than the box scrolls sideways, and axe (scrollable-region-focusable) counts a
      // contenteditable as the scroller's keyboard access only when it carries one.
      EditorView.contentAttributes.of({ 'aria-label': props.label, 'aria-multiline': 'false', spellcheck: 'false', tabindex: '0', ...(props.id ? { id: props.id } : {}) }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) latest.current.onChange(update.state.doc.toString())
      }),
    ]
    const editor = new EditorView({ parent: host.current, state: EditorState.create({ doc: props.value, extensions }) })
    view.current = editor
    return () => {
      editor.destroy()
      view.current = null
    }
    // The view is created once; later props are read through `latest`, and `value` is synced below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    const editor = view.current
    if (editor === null || editor.state.doc.toString() === props.value) return
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: props.value }, selection: { anchor: props.value.length } })
  }, [props.value])

  // Another entity or version reads the same text differently: check it again.
  useEffect(() => {
    if (view.current !== null) forceLinting(view.current)
  }, [props.entity, props.version])

  return <div ref={host} className="qql-editor" data-testid="qql-editor" />
}
