// Autocomplete from the parser's cursor mode: what can be typed at a cursor position (tokens, operators, values).
import { OPERATORS, type Operator } from './ast'
import { parseSyntax, type Expectation } from './parser'
import { CURRENT_TOKEN_VERSION, isTokenVersion, tokenSet } from './tokens/registry'
import type { Entity, QqlToken, TokenType } from './tokens/types'
import { DATE_EXAMPLES } from './values'

export interface QqlSuggestions {
  /** What the grammar allows at the cursor. */
  context: 'condition' | 'afterCondition' | 'operator' | 'value' | 'none'
  /** The span a chosen suggestion replaces: the partial word around the cursor (from = to = cursor when there is none). */
  from: number
  to: number
  /** The partial word typed before the cursor, unescaped (the text inside an unterminated quote). */
  prefix: string
  /** The token whose operator or value is being typed. */
  token: { id: string; name: string; type: TokenType } | null
  tokens: string[]
  keywords: string[]
  operators: Operator[]
  /** Closed values (enums, booleans) or date examples, matching the prefix. */
  values: string[]
  /** True when the token's values can be looked up in the database (`valueSuggestionQuery`). */
  hasValueSource: boolean
}

const PARTIAL_KINDS = new Set(['word', 'and', 'or', 'not'])
const WORD_END_IN_VALUE = /[\s()[\],"`]/
const WORD_END_IN_NAME = /[\s()[\],"`:=<>]/

export function suggestAt(text: string, cursor: number, entity: Entity, version: number = CURRENT_TOKEN_VERSION): QqlSuggestions {
  const at = Math.max(0, Math.min(Math.trunc(cursor) || 0, text.length))
  const beforeCursor = parseSyntax(text.slice(0, at))
  const last = beforeCursor.lastLexeme
  const typing =
    last !== null && last.end === at && (PARTIAL_KINDS.has(last.kind) || ((last.kind === 'phrase' || last.kind === 'exact') && last.unterminated))
  const from = typing ? last.start : at
  const expectation = typing ? parseSyntax(text.slice(0, from)).atEnd : beforeCursor.atEnd
  const prefix = typing ? last.text : ''
  const wordEnd = expectation.kind === 'value' ? WORD_END_IN_VALUE : WORD_END_IN_NAME
  let to = at
  if (typing) while (to < text.length && !wordEnd.test(text[to])) to++
  const tokens = tokenSet(entity, isTokenVersion(version) ? version : CURRENT_TOKEN_VERSION)
  return { ...suggestionsFor(expectation, prefix, tokens.tokens, tokens.byName), from, to, prefix }
}

type Suggestions = Omit<QqlSuggestions, 'from' | 'to' | 'prefix'>

const NOTHING: Suggestions = { context: 'none', token: null, tokens: [], keywords: [], operators: [], values: [], hasValueSource: false }

function suggestionsFor(expectation: Expectation, prefix: string, tokens: readonly QqlToken[], byName: ReadonlyMap<string, QqlToken>): Suggestions {
  switch (expectation.kind) {
    case 'condition':
    case 'afterCondition': {
      const keywords = expectation.kind === 'condition' ? ['NOT'] : ['AND', 'OR', 'NOT']
      return {
        ...NOTHING,
        context: expectation.kind,
        tokens: matching(
          tokens.map((token) => token.name),
          prefix,
        ),
        keywords: matching(keywords, prefix),
      }
    }
    case 'operator': {
      const token = byName.get(expectation.token.name)
      return { ...NOTHING, context: 'operator', token: describe(token), operators: [...(token?.operators ?? OPERATORS)] }
    }
    case 'value': {
      const token = byName.get(expectation.token.name)
      if (token === undefined) return { ...NOTHING, context: 'value' }
      const known = token.values ?? (token.elementType === 'date' ? DATE_EXAMPLES : [])
      return { ...NOTHING, context: 'value', token: describe(token), values: matching(known, prefix), hasValueSource: token.valueSource !== null }
    }
    case 'afterListItem':
      return NOTHING
  }
}

function describe(token: QqlToken | undefined): QqlSuggestions['token'] {
  return token === undefined ? null : { id: token.id, name: token.name, type: token.type }
}

/** Case-insensitive: candidates starting with the prefix first, then those containing it. */
function matching(candidates: readonly string[], prefix: string): string[] {
  const lower = prefix.toLowerCase()
  const starts = candidates.filter((candidate) => candidate.toLowerCase().startsWith(lower))
  const contains = candidates.filter((candidate) => !candidate.toLowerCase().startsWith(lower) && candidate.toLowerCase().includes(lower))
  return [...starts, ...contains]
}
