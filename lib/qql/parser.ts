// QQL parser: text → syntax tree with positions, several errors at once, and what was expected at the end of input.
//
// Hand-written recursive descent rather than peggy/chevrotain (which DESIGN.md welcomes): the grammar fits on one
// screen, the lexer must switch modes between token names and values (`2026-01-31T10:00` and `fe80::1` contain
// colons), errors need recovery so several can be reported at once, the autocomplete cursor mode reads the parser's
// own expectation at the end of the text, and this module ships to the browser, so zero dependencies keeps it small.
//
//   query    := or?
//   or       := and (OR and)*
//   and      := not ((AND)? not)*          adjacent conditions are joined by an implicit AND
//   not      := NOT not | primary
//   primary  := '(' or ')' | clause
//   clause   := NAME operator value        operator := ':' | '=' | '>' | '>=' | '<' | '<='
//   value    := scalar | '[' scalar '..' scalar ']' | '(' scalar '..' scalar ')' | '[' scalar (',' scalar)* ']'
//   scalar   := WORD | "phrase" | `exact`
import { OPERATORS, type ClauseNode, type Operator, type QqlNode, type ScalarNode, type TokenRefNode, type ValueNode } from './ast'
import { qqlError, type QqlError } from './errors'
import { Lexer, type Lexeme, type LexemeKind, type LexMode } from './lexer'

export const MAX_QUERY_LENGTH = 10_000
/** How deep the tree may nest: levels of parentheses and `NOT` together (ClickHouse refuses too deep an AST with a 500). */
const MAX_NESTING = 50
const MAX_ERRORS = 20

/** What the parser was looking for when it reached the end of the text: the basis of autocomplete. */
export type Expectation =
  | { kind: 'condition' }
  | { kind: 'afterCondition' }
  | { kind: 'operator'; token: TokenRefNode }
  | { kind: 'value'; token: TokenRefNode; operator: Operator }
  | { kind: 'afterListItem'; token: TokenRefNode }

export interface SyntaxResult {
  ast: QqlNode | null
  errors: QqlError[]
  atEnd: Expectation
  /** The last lexeme the parser consumed (cursor mode looks at whether it is a word still being typed). */
  lastLexeme: Lexeme | null
  /** Every lexeme consumed, in order, with the mode it was read in (the editor highlights from these). */
  lexemes: ReadLexeme[]
}

export interface ReadLexeme {
  lexeme: Lexeme
  mode: LexMode
}

export function parseSyntax(text: string): SyntaxResult {
  if (text.length > MAX_QUERY_LENGTH) {
    return {
      ast: null,
      errors: [qqlError(`the query is too long (${text.length} characters, at most ${MAX_QUERY_LENGTH})`, MAX_QUERY_LENGTH, text.length)],
      atEnd: { kind: 'condition' },
      lastLexeme: null,
      lexemes: [],
    }
  }
  return new Parser(text).parse()
}

/** `vendorSeverity:` or `missingPatchCount >`, as the user typed it, for messages. */
export function describeClauseStart(token: string, operator: Operator): string {
  return operator === ':' ? `${token}:` : `${token} ${operator}`
}

/** `found \`]\`` for the message tail; nothing at the end of the text, where the position says it all. */
function found(lexeme: Lexeme): string | undefined {
  if (lexeme.kind === 'eof') return undefined
  if (lexeme.kind === 'phrase') return 'found a "phrase"'
  if (lexeme.kind === 'exact') return 'found an `exact` value'
  return `found \`${lexeme.text}\``
}

function combine(kind: 'and' | 'or', operands: QqlNode[]): QqlNode | null {
  if (operands.length <= 1) return operands[0] ?? null
  return { kind, operands, start: operands[0].start, end: operands[operands.length - 1].end }
}

class Parser {
  private readonly lexer: Lexer
  private readonly errors: QqlError[] = []
  private atEnd: Expectation | null = null
  private lastLexeme: Lexeme | null = null
  private readonly lexemes: ReadLexeme[] = []
  private depth = 0

  constructor(private readonly text: string) {
    this.lexer = new Lexer(text)
  }

  parse(): SyntaxResult {
    const operands: QqlNode[] = []
    const first = this.parseOr()
    if (first !== null) operands.push(first)
    // Only an unmatched `)` stops parseOr before the end: report it and carry on with what follows.
    while (this.peek('name', { kind: 'afterCondition' }).kind !== 'eof') {
      const stray = this.advance('name')
      this.error(`unexpected \`)\` with no \`(\` to close`, stray.start, stray.end)
      const more = this.parseOr()
      if (more !== null) operands.push(more)
    }
    return {
      ast: combine('and', operands),
      errors: this.errors,
      atEnd: this.atEnd ?? { kind: 'afterCondition' },
      lastLexeme: this.lastLexeme,
      lexemes: this.lexemes,
    }
  }

  private parseOr(): QqlNode | null {
    const operands: QqlNode[] = []
    const first = this.parseAnd()
    if (first !== null) operands.push(first)
    while (this.peek('name', { kind: 'afterCondition' }).kind === 'or') {
      const or = this.advance('name')
      if (operands.length === 0) this.error('`OR` needs a condition before it', or.start, or.end)
      const next = this.parseAnd()
      if (next === null) this.expectedCondition('`OR`')
      else operands.push(next)
    }
    return combine('or', operands)
  }

  private parseAnd(): QqlNode | null {
    const operands: QqlNode[] = []
    for (;;) {
      const lexeme = this.peek('name', operands.length > 0 ? { kind: 'afterCondition' } : { kind: 'condition' })
      if (lexeme.kind === 'or' || lexeme.kind === 'rparen' || lexeme.kind === 'eof') break
      if (lexeme.kind === 'and') {
        this.advance('name')
        if (operands.length === 0) this.error('`AND` needs a condition before it', lexeme.start, lexeme.end)
        const next = this.startsCondition(this.peek('name', { kind: 'condition' }).kind) ? this.parseNot() : null
        if (next === null) this.expectedCondition('`AND`')
        else operands.push(next)
        continue
      }
      if (this.startsCondition(lexeme.kind)) {
        const next = this.parseNot()
        if (next !== null) operands.push(next)
        continue
      }
      this.advance('name')
      this.error('expected a token name', lexeme.start, lexeme.end, undefined, found(lexeme))
    }
    return combine('and', operands)
  }

  private startsCondition(kind: LexemeKind): boolean {
    return kind === 'word' || kind === 'not' || kind === 'lparen'
  }

  private parseNot(): QqlNode | null {
    const nots: Lexeme[] = []
    while (this.peek('name', { kind: 'condition' }).kind === 'not') nots.push(this.advance('name'))
    if (nots.length === 0) return this.parsePrimary()
    if (!this.startsCondition(this.peek('name', { kind: 'condition' }).kind)) {
      this.expectedCondition('`NOT`')
      return null
    }
    // Each NOT is a level of the tree, as each `(` is: both count towards one cap, so no text builds a tree deeper than it.
    if (this.depth + nots.length > MAX_NESTING) {
      const tooDeep = nots[Math.max(0, MAX_NESTING - this.depth)]
      this.error(`\`NOT\` and parentheses are nested too deeply (more than ${MAX_NESTING} levels)`, tooDeep.start, this.text.length)
      this.skipToEnd()
      return null
    }
    this.depth += nots.length
    let node = this.parsePrimary()
    this.depth -= nots.length
    if (node === null) return null
    for (let index = nots.length - 1; index >= 0; index--) {
      node = { kind: 'not', operand: node, start: nots[index].start, end: node.end }
    }
    return node
  }

  private parsePrimary(): QqlNode | null {
    const lexeme = this.peek('name', { kind: 'condition' })
    if (lexeme.kind === 'word') return this.parseClause()
    // startsCondition() guarantees `(` here.
    const open = this.advance('name')
    if (this.depth >= MAX_NESTING) {
      this.error(`parentheses are nested too deeply (more than ${MAX_NESTING} levels)`, open.start, this.text.length)
      this.skipToEnd()
      return null
    }
    this.depth++
    const inner = this.parseOr()
    this.depth--
    if (inner === null) {
      this.expectedCondition('`(`')
      if (this.peek('name', { kind: 'condition' }).kind === 'rparen') this.advance('name')
      return null
    }
    const close = this.peek('name', { kind: 'afterCondition' })
    if (close.kind !== 'rparen') {
      this.error(`expected \`)\` to close the \`(\` from ${open.start}`, close.start, close.start, [')'], found(close))
      return inner
    }
    this.advance('name')
    return { ...inner, start: open.start, end: close.end }
  }

  private parseClause(): ClauseNode | null {
    const name = this.advance('name')
    const token: TokenRefNode = { name: name.text, start: name.start, end: name.end }
    const operatorLexeme = this.peek('name', { kind: 'operator', token })
    if (operatorLexeme.operator === null) {
      this.error(
        `expected an operator (${OPERATORS.join(' ')}) after \`${token.name}\``,
        operatorLexeme.start,
        operatorLexeme.start,
        OPERATORS,
        found(operatorLexeme),
      )
      return null
    }
    this.advance('name')
    const operator = { op: operatorLexeme.operator, start: operatorLexeme.start, end: operatorLexeme.end }
    const value = this.parseValue(token, operator.op)
    if (value === null) return null
    return { kind: 'clause', token, operator, value, start: token.start, end: value.end }
  }

  private parseValue(token: TokenRefNode, operator: Operator): ValueNode | null {
    const lexeme = this.peek('value', { kind: 'value', token, operator })
    if (lexeme.kind === 'lbracket' || lexeme.kind === 'lparen') return this.parseBracketed(token, operator)
    return this.parseScalar(token, operator)
  }

  private parseScalar(token: TokenRefNode, operator: Operator): ScalarNode | null {
    const lexeme = this.peek('value', { kind: 'value', token, operator })
    if (lexeme.kind !== 'word' && lexeme.kind !== 'phrase' && lexeme.kind !== 'exact') {
      const isKeyword = lexeme.kind === 'and' || lexeme.kind === 'or' || lexeme.kind === 'not'
      this.error(
        `expected a value after \`${describeClauseStart(token.name, operator)}\``,
        lexeme.start,
        lexeme.start,
        ['value'],
        isKeyword ? `found \`${lexeme.text}\` (to search for that word, write "${lexeme.text}")` : found(lexeme),
      )
      return null
    }
    this.advance('value')
    if (lexeme.unterminated) {
      const quote = lexeme.kind === 'phrase' ? '"' : '`'
      this.error(`missing the closing ${quote} of the value that starts`, lexeme.start, lexeme.end, [quote])
    }
    return {
      kind: 'scalar',
      quote: lexeme.kind === 'word' ? 'none' : lexeme.kind === 'phrase' ? 'double' : 'backtick',
      text: lexeme.text,
      wildcardParts: lexeme.wildcardParts,
      start: lexeme.start,
      end: lexeme.end,
    }
  }

  /** `[a .. b]`, `(a .. b)` or `[a, b, c]`; on a malformed one, reports it and skips to its closing bracket. */
  private parseBracketed(token: TokenRefNode, operator: Operator): ValueNode | null {
    const open = this.advance('value')
    const inclusive = open.kind === 'lbracket'
    const closeKind: LexemeKind = inclusive ? 'rbracket' : 'rparen'
    const first = this.parseScalar(token, operator)
    if (first === null) return this.recoverTo(closeKind)
    const afterFirst = this.peek('value', { kind: 'afterListItem', token })
    if (afterFirst.kind === 'dots') {
      this.advance('value')
      const high = this.parseScalar(token, operator)
      if (high === null) return this.recoverTo(closeKind)
      const close = this.expectClosing(token, closeKind, inclusive ? ']' : ')')
      if (close === null) return this.recoverTo(closeKind)
      return { kind: 'range', low: first, high, inclusive, start: open.start, end: close.end }
    }
    if (!inclusive) {
      this.error('expected `..` in the range', afterFirst.start, afterFirst.start, ['..'], found(afterFirst))
      return this.recoverTo(closeKind)
    }
    const items = [first]
    while (this.peek('value', { kind: 'afterListItem', token }).kind === 'comma') {
      this.advance('value')
      const item = this.parseScalar(token, operator)
      if (item === null) return this.recoverTo(closeKind)
      items.push(item)
    }
    const close = this.expectClosing(token, 'rbracket', ']', ',')
    if (close === null) return this.recoverTo(closeKind)
    return { kind: 'list', items, start: open.start, end: close.end }
  }

  private expectClosing(token: TokenRefNode, kind: LexemeKind, closing: string, ...alternatives: string[]): Lexeme | null {
    const lexeme = this.peek('value', { kind: 'afterListItem', token })
    if (lexeme.kind === kind) return this.advance('value')
    const expected = [...alternatives, closing]
    this.error(`expected ${expected.map((item) => `\`${item}\``).join(' or ')}`, lexeme.start, lexeme.start, expected, found(lexeme))
    return null
  }

  /** Skips a malformed bracketed value up to and including its closing bracket, so one mistake gives one error. */
  private recoverTo(kind: LexemeKind): null {
    for (;;) {
      const lexeme = this.peek('value', { kind: 'condition' })
      if (lexeme.kind === 'eof') return null
      this.advance('value')
      if (lexeme.kind === kind) return null
    }
  }

  private skipToEnd(): void {
    while (this.peek('name', { kind: 'condition' }).kind !== 'eof') this.advance('name')
  }

  private expectedCondition(after: string): void {
    const lexeme = this.peek('name', { kind: 'condition' })
    this.error(`expected a condition after ${after}`, lexeme.start, lexeme.start, ['token name', 'NOT', '('], found(lexeme))
  }

  /** Peeks, and remembers what was wanted if this is the first time the parser meets the end of the text. */
  private peek(mode: LexMode, wanted: Expectation): Lexeme {
    const lexeme = this.lexer.peek(mode)
    if (lexeme.kind === 'eof' && this.atEnd === null) this.atEnd = wanted
    return lexeme
  }

  private advance(mode: LexMode): Lexeme {
    const lexeme = this.lexer.next(mode)
    this.lastLexeme = lexeme
    this.lexemes.push({ lexeme, mode })
    return lexeme
  }

  /** Records an error, at most one per position (a mistake often trips two rules at the same spot). */
  private error(message: string, start: number, end: number, expected?: readonly string[], detail?: string): void {
    const previous = this.errors[this.errors.length - 1]
    if (this.errors.length >= MAX_ERRORS || previous?.start === start) return
    this.errors.push(qqlError(message, start, end, expected, detail))
  }
}
