// Autocomplete of a QQL box from the parser's cursor mode (suggestAt, in the browser) with each token's description;
// only known values that live in the database are asked of the server, debounced, and only at value positions.
import { insertCompletionText, startCompletion, type Completion, type CompletionContext, type CompletionResult, type CompletionSource } from '@codemirror/autocomplete'
import type { EditorView } from '@codemirror/view'
import { OPERATORS, printLiteral, suggestAt, tokensFor, type Entity, type Operator, type QqlSuggestions, type QqlToken } from '@/lib/qql/browser'

export interface CompletionSettings {
  entity: Entity
  version: number
  /** Known values of a token (from the database) for a typed prefix, or null when this box has no value lookup. */
  lookUpValues: ((request: { token: string; prefix: string; text: string; cursor: number }, signal: AbortSignal) => Promise<string[]>) | null
}

/** How long typing must pause before known values are asked of the server. */
export const VALUE_LOOKUP_DELAY_MS = 250

const KEYWORD_INFO: Readonly<Record<string, string>> = {
  AND: 'Both conditions must hold (adjacent conditions are ANDed anyway).',
  OR: 'Either condition may hold; AND binds tighter than OR.',
  NOT: 'The condition must not hold; binds tightest.',
}

const OPERATOR_INFO: Readonly<Record<Operator, string>> = {
  ':': 'matches: contains (text), equals ignoring case (keywords, enums), within (dates)',
  '=': 'exactly equal, case-sensitive',
  '>': 'greater than / after',
  '>=': 'at least / on or after',
  '<': 'less than / before',
  '<=': 'at most / on or before',
}

function describeToken(token: QqlToken): string {
  const type = token.type === 'array' ? `list of ${token.elementType}` : token.type
  const values = token.values === null ? '' : `\nValues: ${token.values.join(', ')}`
  return `${token.description}\n(${type})${values}`
}

/** After a token or operator is picked, the next list (operators, values) opens by itself. */
function applyThenContinue(text: string) {
  return (view: EditorView, completion: Completion, from: number, to: number) => {
    view.dispatch(insertCompletionText(view.state, text, from, to))
    setTimeout(() => startCompletion(view), 0)
  }
}

function operatorText(op: Operator, before: string): string {
  if (op === ':') return ': '
  return `${before.endsWith(' ') ? '' : ' '}${op} `
}

function grammarOptions(suggestions: QqlSuggestions, entity: Entity, version: number, before: string): Completion[] {
  const byName = new Map(tokensFor(entity, version).map((token) => [token.name, token]))
  const tokens = suggestions.tokens.map((name): Completion => {
    const token = byName.get(name)
    const ordered = token !== undefined && token.operators.length > 2
    return {
      label: name,
      type: 'property',
      detail: token?.type === 'array' ? `${token.elementType} list` : token?.type,
      info: token === undefined ? undefined : describeToken(token),
      apply: applyThenContinue(ordered ? `${name} ` : `${name}: `),
    }
  })
  const keywords = suggestions.keywords.map((keyword): Completion => ({ label: keyword, type: 'keyword', info: KEYWORD_INFO[keyword], apply: `${keyword} `, boost: -1 }))
  const operators = suggestions.operators
    .filter((op) => (OPERATORS as readonly string[]).includes(op))
    .map((op): Completion => ({ label: op, type: 'operator', info: OPERATOR_INFO[op], apply: applyThenContinue(operatorText(op, before)) }))
  const values = suggestions.values.map((value): Completion => ({ label: value, type: 'enum', apply: `${printLiteral(value)} ` }))
  return [...values, ...operators, ...tokens, ...keywords]
}

/** Tokens, keywords, operators and closed values: computed in the browser, no request. */
export function grammarCompletion(settings: () => CompletionSettings): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const { entity, version } = settings()
    const text = context.state.doc.toString()
    const suggestions = suggestAt(text, context.pos, entity, version)
    if (suggestions.from === context.pos && !context.explicit && suggestions.context !== 'operator' && suggestions.context !== 'value') return null
    const options = grammarOptions(suggestions, entity, version, text.slice(0, context.pos))
    if (options.length === 0) return null
    return { from: suggestions.from, to: suggestions.to, options, validFor: /^[\w.@-]*$/ }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/** Known values from the database, at value positions of tokens that have them, after a pause in typing. */
export function knownValueCompletion(settings: () => CompletionSettings): CompletionSource {
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const { entity, version, lookUpValues } = settings()
    if (lookUpValues === null) return null
    const text = context.state.doc.toString()
    const suggestions = suggestAt(text, context.pos, entity, version)
    if (suggestions.context !== 'value' || !suggestions.hasValueSource || suggestions.token === null) return null
    const controller = new AbortController()
    context.addEventListener('abort', () => controller.abort())
    await sleep(VALUE_LOOKUP_DELAY_MS, controller.signal)
    if (controller.signal.aborted) return null
    const request = { token: suggestions.token.name, prefix: suggestions.prefix, text, cursor: context.pos }
    const values = await lookUpValues(request, controller.signal).catch(() => [])
    if (controller.signal.aborted || values.length === 0) return null
    const closed = new Set(suggestions.values)
    const options = values.filter((value) => !closed.has(value)).map((value): Completion => ({ label: value, type: 'text', detail: 'known value', apply: `${printLiteral(value)} ` }))
    return options.length === 0 ? null : { from: suggestions.from, to: suggestions.to, options, filter: false }
  }
}
