// QQL lexer: reads one lexeme at a time in the mode the parser asks for (a token name or a value).
import type { Operator } from './ast'

export type LexemeKind =
  | 'word'
  | 'phrase'
  | 'exact'
  | 'and'
  | 'or'
  | 'not'
  | 'lparen'
  | 'rparen'
  | 'lbracket'
  | 'rbracket'
  | 'comma'
  | 'dots'
  | 'operator'
  | 'eof'

export interface Lexeme {
  kind: LexemeKind
  start: number
  end: number
  /** Unescaped text of a word, phrase or exact value; the source text of anything else. */
  text: string
  /** For a word with unescaped `*`: the literal pieces between wildcards; else null. */
  wildcardParts: string[] | null
  /** A phrase or exact value whose closing quote is missing (it then runs to the end of the text). */
  unterminated: boolean
  /** The operator, for kind 'operator'. */
  operator: Operator | null
}

/**
 * 'name' reads token names, operators and keywords: a word stops at `:`, `=`, `<` and `>`.
 * 'value' reads values: those characters belong to the word (`2026-01-31T10:00`, `fe80::1`), `\` escapes the next
 * character, `*` is a wildcard and `..` separates range bounds.
 */
export type LexMode = 'name' | 'value'

const KEYWORDS: Readonly<Record<string, LexemeKind>> = { and: 'and', or: 'or', not: 'not' }
const PUNCTUATION: Readonly<Record<string, LexemeKind>> = {
  '(': 'lparen',
  ')': 'rparen',
  '[': 'lbracket',
  ']': 'rbracket',
  ',': 'comma',
}

/** Same set as JavaScript's `\s`, tested by code for speed. */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

function endsWordInAnyMode(char: string): boolean {
  return char in PUNCTUATION || char === '"' || char === '`'
}

function endsNameWord(char: string): boolean {
  return char === ':' || char === '=' || char === '<' || char === '>'
}

export class Lexer {
  private position = 0
  private cached: { position: number; mode: LexMode; lexeme: Lexeme } | null = null

  constructor(readonly source: string) {}

  peek(mode: LexMode): Lexeme {
    const cached = this.cached
    if (cached !== null && cached.position === this.position && cached.mode === mode) return cached.lexeme
    const lexeme = this.read(mode)
    this.cached = { position: this.position, mode, lexeme }
    return lexeme
  }

  next(mode: LexMode): Lexeme {
    const lexeme = this.peek(mode)
    this.position = lexeme.end
    return lexeme
  }

  private read(mode: LexMode): Lexeme {
    const source = this.source
    let start = this.position
    while (start < source.length && isSpace(source.charCodeAt(start))) start++
    if (start >= source.length) return this.lexeme('eof', start, start, '')

    const char = source[start]
    const punctuation = PUNCTUATION[char]
    if (punctuation !== undefined) return this.lexeme(punctuation, start, start + 1, char)
    if (char === '"') return this.readQuoted('phrase', '"', start)
    if (char === '`') return this.readQuoted('exact', '`', start)
    if (mode === 'value' && source.startsWith('..', start)) return this.lexeme('dots', start, start + 2, '..')
    if (mode === 'name') {
      const operator = this.readOperator(start)
      if (operator !== null) return operator
      return this.readNameWord(start)
    }
    return this.readValueWord(start)
  }

  private readOperator(start: number): Lexeme | null {
    const char = this.source[start]
    if (!endsNameWord(char)) return null
    const twoChars = (char === '<' || char === '>') && this.source[start + 1] === '='
    const op = (twoChars ? `${char}=` : char) as Operator
    const lexeme = this.lexeme('operator', start, start + op.length, op)
    lexeme.operator = op
    return lexeme
  }

  private readNameWord(start: number): Lexeme {
    const source = this.source
    let end = start
    while (end < source.length) {
      const char = source[end]
      if (isSpace(source.charCodeAt(end)) || endsWordInAnyMode(char) || endsNameWord(char)) break
      end++
    }
    const text = source.slice(start, end)
    return this.lexeme(KEYWORDS[text.toLowerCase()] ?? 'word', start, end, text)
  }

  private readValueWord(start: number): Lexeme {
    const source = this.source
    const parts: string[] = []
    let part = ''
    let text = ''
    let escaped = false
    let end = start
    while (end < source.length) {
      const char = source[end]
      if (isSpace(source.charCodeAt(end)) || endsWordInAnyMode(char)) break
      if (char === '.' && source[end + 1] === '.') break
      if (char === '\\' && end + 1 < source.length) {
        // A backslash keeps the next character literally (`\*` is a star, `\ ` a space); a trailing one stays.
        part += source[end + 1]
        text += source[end + 1]
        escaped = true
        end += 2
        continue
      }
      if (char === '*') {
        parts.push(part)
        part = ''
      } else {
        part += char
      }
      text += char
      end++
    }
    parts.push(part)
    const keyword = escaped ? undefined : KEYWORDS[text.toLowerCase()]
    const lexeme = this.lexeme(keyword ?? 'word', start, end, text)
    lexeme.wildcardParts = parts.length > 1 ? parts : null
    return lexeme
  }

  private readQuoted(kind: 'phrase' | 'exact', quote: string, start: number): Lexeme {
    const source = this.source
    let text = ''
    let end = start + 1
    while (end < source.length && source[end] !== quote) {
      if (source[end] === '\\' && end + 1 < source.length) end++
      text += source[end]
      end++
    }
    const unterminated = end >= source.length
    const lexeme = this.lexeme(kind, start, unterminated ? source.length : end + 1, text)
    lexeme.unterminated = unterminated
    return lexeme
  }

  private lexeme(kind: LexemeKind, start: number, end: number, text: string): Lexeme {
    return { kind, start, end, text, wildcardParts: null, unterminated: false, operator: null }
  }
}
