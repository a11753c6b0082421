// The QQL editor's look, from the design tokens only (var(--…)): the light and dark themes apply without a rebuild.
// Syntax colours are `--qql-*` variables a theme may set; each falls back to an existing token.
import { EditorView } from '@codemirror/view'
import type { HighlightRole } from '@/lib/qql/browser'

export const ROLE_CLASS: Readonly<Record<HighlightRole, string>> = {
  token: 'qql-role-token',
  keyword: 'qql-role-keyword',
  operator: 'qql-role-operator',
  value: 'qql-role-value',
  quoted: 'qql-role-quoted',
  wildcard: 'qql-role-wildcard',
  punctuation: 'qql-role-punctuation',
}

export const qqlTheme = EditorView.theme({
  '&': {
    fontFamily: 'var(--font-mono)',
    fontSize: 'var(--text-md)',
    color: 'var(--text)',
    backgroundColor: 'var(--surface)',
    border: '1px solid var(--border)',
    borderRadius: 'var(--radius-md)',
  },
  '&.cm-focused': { outline: '2px solid var(--focus-ring)', borderColor: 'var(--accent)' },
  '.cm-content': { padding: 'var(--space-2) var(--space-3)', caretColor: 'var(--text)' },
  '.cm-line': { padding: '0' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', overflowX: 'auto' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'var(--accent-soft)' },
  '.cm-placeholder': { color: 'var(--text-faint)' },
  [`.${ROLE_CLASS.token}`]: { color: 'var(--qql-token, var(--link))' },
  // Not --accent: in the dark theme it is a button fill, below 4.5:1 as text on the editor's surface.
  [`.${ROLE_CLASS.keyword}`]: { color: 'var(--qql-keyword, var(--accent-soft-text))', fontWeight: 'var(--weight-bold)' },
  [`.${ROLE_CLASS.operator}`]: { color: 'var(--qql-operator, var(--text-muted))' },
  [`.${ROLE_CLASS.value}`]: { color: 'var(--qql-value, var(--text))' },
  [`.${ROLE_CLASS.quoted}`]: { color: 'var(--qql-quoted, var(--success))' },
  [`.${ROLE_CLASS.wildcard}`]: { color: 'var(--qql-wildcard, var(--warning))' },
  [`.${ROLE_CLASS.punctuation}`]: { color: 'var(--qql-punctuation, var(--text-muted))' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy var(--danger)', textUnderlineOffset: '3px' },
  '.cm-lintRange-warning': { backgroundImage: 'none', textDecoration: 'underline wavy var(--warning)', textUnderlineOffset: '3px' },
  '.cm-lintPoint-error:after': { borderBottomColor: 'var(--danger)' },
  '.cm-lintPoint-warning:after': { borderBottomColor: 'var(--warning)' },
  '.cm-tooltip': {
    backgroundColor: 'var(--surface-raised)',
    color: 'var(--text)',
    border: '1px solid var(--border)',
    borderRadius: 'var(--radius-md)',
    boxShadow: 'var(--shadow-md)',
  },
  '.cm-tooltip-lint': { padding: 'var(--space-1) var(--space-2)' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--danger)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--warning)' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--font-mono)', maxHeight: '20em' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li': { padding: 'var(--space-1) var(--space-3)' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--accent-soft)', color: 'var(--text)' },
  '.cm-completionDetail': { color: 'var(--text-muted)', fontStyle: 'normal', marginLeft: 'var(--space-2)' },
  '.cm-completionMatchedText': { textDecoration: 'none', fontWeight: 'var(--weight-bold)' },
  '.cm-completionInfo': { padding: 'var(--space-2) var(--space-3)', maxWidth: '360px', fontFamily: 'var(--font-sans)' },
  '.cm-completionIcon': { display: 'none' },
})
