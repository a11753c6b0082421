// ↑ in a QQL box (one line, so always its first) lists the user's recent searches; picking one replaces the query.
import { startCompletion, completionStatus, type Completion, type CompletionContext, type CompletionResult, type CompletionSource } from '@codemirror/autocomplete'
import { StateEffect, StateField, type EditorState } from '@codemirror/state'
import type { EditorView, KeyBinding } from '@codemirror/view'

export interface RecentSearch {
  query: string
  version: number
}

const showRecent = StateEffect.define<boolean>()

/** True from ↑ until the text changes or the list closes. */
const recentRequested = StateField.define<boolean>({
  create: () => false,
  update(value, transaction) {
    for (const effect of transaction.effects) if (effect.is(showRecent)) return effect.value
    return transaction.docChanged ? false : value
  },
})

/** Whether the open list is the recent searches (the grammar's suggestions stay out of it). */
export function isRecentRequested(state: EditorState): boolean {
  return state.field(recentRequested, false) ?? false
}

export function recentSearches(settings: () => { recent: readonly RecentSearch[]; onRecall: (search: RecentSearch) => void }) {
  const source: CompletionSource = (context: CompletionContext): CompletionResult | null => {
    if (!isRecentRequested(context.state)) return null
    const { recent, onRecall } = settings()
    if (recent.length === 0) return null
    const options = recent.map(
      (search): Completion => ({
        label: search.query,
        type: 'history',
        detail: 'recent',
        apply: (view: EditorView) => {
          view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: search.query }, selection: { anchor: search.query.length } })
          onRecall(search)
        },
      }),
    )
    return { from: 0, to: context.state.doc.length, options, filter: false }
  }
  const keys: KeyBinding[] = [
    {
      key: 'ArrowUp',
      run: (view) => {
        if (completionStatus(view.state) !== null || settings().recent.length === 0) return false
        view.dispatch({ effects: showRecent.of(true) })
        return startCompletion(view)
      },
    },
  ]
  return { field: recentRequested, source, keys }
}
