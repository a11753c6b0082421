// What each stretch of a query is, for syntax highlighting: read from the parser's own lexemes, not a second grammar.
import { parseSyntax, type ReadLexeme } from './parser'

export type HighlightRole = 'token' | 'keyword' | 'operator' | 'value' | 'quoted' | 'wildcard' | 'punctuation'

export interface HighlightSpan {
  from: number
  to: number
  role: HighlightRole
}

function roleOf({ lexeme, mode }: ReadLexeme): HighlightRole | null {
  switch (lexeme.kind) {
    case 'word':
      if (mode === 'name') return 'token'
      return lexeme.wildcardParts === null ? 'value' : 'wildcard'
    case 'phrase':
    case 'exact':
      return 'quoted'
    case 'and':
    case 'or':
    case 'not':
      return 'keyword'
    case 'operator':
      return 'operator'
    case 'lparen':
    case 'rparen':
    case 'lbracket':
    case 'rbracket':
    case 'comma':
    case 'dots':
      return 'punctuation'
    case 'eof':
      return null
  }
}

/** Non-overlapping spans in text order; text the parser did not read (spaces) has none. */
export function highlightQql(text: string): HighlightSpan[] {
  const spans: HighlightSpan[] = []
  for (const read of parseSyntax(text).lexemes) {
    const role = roleOf(read)
    if (role !== null && read.lexeme.end > read.lexeme.start) spans.push({ from: read.lexeme.start, to: read.lexeme.end, role })
  }
  return spans
}
