// Checks a QQL tree against an entity's tokens (token, operator, values) and types it into tests for the compiler.
import type { ClauseNode, Operator, QqlNode, ScalarNode } from './ast'
import { qqlError, type QqlError, type QqlWarning } from './errors'
import { describeClauseStart } from './parser'
import { CURRENT_TOKEN_VERSION, isOrderedType, versionHint, type TokenSet } from './tokens/registry'
import type { QqlToken } from './tokens/types'
import { DATE_EXAMPLES, DATE_FORMAT_HINT, escapeLike, isDateOutsideYears, likePattern, readBoolean, readDate, readInteger, readIp, type TimeUnit } from './values'

export type ComparisonOperator = '=' | '>' | '>=' | '<' | '<='

/** A value bound into SQL as a parameter (relative times become `now64(…) ± interval` around one). */
export type SqlValue =
  | { kind: 'string'; value: string }
  | { kind: 'integer'; value: number }
  | { kind: 'boolean'; value: boolean }
  /** Milliseconds since the epoch: UTC, or wall-clock time in the user's time zone when `zoned`. */
  | { kind: 'time'; ms: number; zoned: boolean }
  | { kind: 'relativeTime'; amount: number; unit: TimeUnit }

export interface Bound {
  op: ComparisonOperator
  value: SqlValue
}

/** One test on one value (or array element); a clause matches when any of its tests does. */
export type ElementTest =
  | { kind: 'compare'; bounds: Bound[] }
  | { kind: 'like'; pattern: string }
  | { kind: 'ipRange'; cidr: string }

export interface ResolvedClause {
  kind: 'clause'
  clause: ClauseNode
  token: QqlToken
  tests: ElementTest[]
}

export type ResolvedNode = { kind: 'and' | 'or'; operands: ResolvedNode[] } | { kind: 'not'; operand: ResolvedNode } | ResolvedClause

export interface Resolution {
  /** Null for an empty query, or when there are errors. */
  tree: ResolvedNode | null
  errors: QqlError[]
  warnings: QqlWarning[]
}

export function resolveQuery(ast: QqlNode | null, tokens: TokenSet): Resolution {
  const resolver = new Resolver(tokens)
  const tree = ast === null ? null : resolver.resolve(ast)
  return { tree: resolver.errors.length > 0 ? null : tree, errors: resolver.errors, warnings: resolver.warnings }
}

/** A value that can be compared: a point (a number, `now-30d`) or a span of time [start, end) such as a whole day. */
type Ordered = { kind: 'point'; value: SqlValue } | { kind: 'span'; start: SqlValue; end: SqlValue }

function lowerBound(value: Ordered, inclusive: boolean): Bound {
  if (value.kind === 'point') return { op: inclusive ? '>=' : '>', value: value.value }
  return { op: '>=', value: inclusive ? value.start : value.end }
}

function upperBound(value: Ordered, inclusive: boolean): Bound {
  if (value.kind === 'point') return { op: inclusive ? '<=' : '<', value: value.value }
  return { op: '<', value: inclusive ? value.end : value.start }
}

/** `>` is after the whole day, `<=` up to its end; `:` on a day is that day, on a number equality, on `now-30d` "since". */
function boundsFor(value: Ordered, operator: Operator): Bound[] {
  switch (operator) {
    case '>':
      return [lowerBound(value, false)]
    case '>=':
      return [lowerBound(value, true)]
    case '<':
      return [upperBound(value, false)]
    case '<=':
      return [upperBound(value, true)]
    case ':':
    case '=':
      if (value.kind === 'span') return [lowerBound(value, true), upperBound(value, true)]
      return value.value.kind === 'relativeTime' ? [lowerBound(value, true)] : [{ op: '=', value: value.value }]
  }
}

function equals(value: SqlValue): ElementTest {
  return { kind: 'compare', bounds: [{ op: '=', value }] }
}

function describeType(token: QqlToken): string {
  return token.type === 'array' ? `${token.elementType} list` : token.type
}

function editDistance(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index)
  for (let row = 1; row <= left.length; row++) {
    const current = [row]
    for (let column = 1; column <= right.length; column++) {
      const substitution = previous[column - 1] + (left[row - 1] === right[column - 1] ? 0 : 1)
      current.push(Math.min(previous[column] + 1, current[column - 1] + 1, substitution))
    }
    previous = current
  }
  return previous[right.length]
}

class Resolver {
  readonly errors: QqlError[] = []
  readonly warnings: QqlWarning[] = []

  constructor(private readonly tokens: TokenSet) {}

  resolve(node: QqlNode): ResolvedNode | null {
    switch (node.kind) {
      case 'clause':
        return this.resolveClause(node)
      case 'not': {
        const operand = this.resolve(node.operand)
        return operand === null ? null : { kind: 'not', operand }
      }
      case 'and':
      case 'or': {
        const operands = node.operands.map((operand) => this.resolve(operand))
        return operands.every((operand) => operand !== null) ? { kind: node.kind, operands: operands as ResolvedNode[] } : null
      }
    }
  }

  private resolveClause(clause: ClauseNode): ResolvedClause | null {
    const token = this.lookUp(clause)
    if (token === null) return null
    const tests = this.testsFor(clause, token)
    return tests === null ? null : { kind: 'clause', clause, token, tests }
  }

  private lookUp(clause: ClauseNode): QqlToken | null {
    const { name, start, end } = clause.token
    const { entity, version } = this.tokens
    const token = this.tokens.byName.get(name)
    if (token !== undefined) {
      const deprecation = version < CURRENT_TOKEN_VERSION ? versionHint(entity, CURRENT_TOKEN_VERSION, name) : null
      if (deprecation !== null) this.warnings.push(qqlError(`${deprecation.message}; \`${name}\` is deprecated`, start, end))
      return token
    }
    const hint = versionHint(entity, version, name)
    if (hint !== null) {
      this.errors.push(qqlError(`unknown token \`${name}\` (token version ${version})`, start, end, hint.replacement === null ? [] : [hint.replacement], hint.message))
      return null
    }
    const nearest = this.nearestNames(name)
    const suggestion = nearest.length > 0 ? `did you mean ${nearest.map((candidate) => `\`${candidate}\``).join(' or ')}?` : undefined
    this.errors.push(qqlError(`unknown token \`${name}\` for ${entity}`, start, end, nearest, suggestion))
    return null
  }

  private nearestNames(name: string): string[] {
    if (name.length > 64) return []
    const lower = name.toLowerCase()
    // A prefix away is nearly right: `publishedDate` in the findings view is `patch.publishedDate`, `patch.title` in
    // the patches view is `title`. Aliases count as spellings of their token; the suggestion is its own name.
    const distanceTo = (spelling: string) => {
      const candidate = spelling.toLowerCase()
      return candidate.endsWith(`.${lower}`) || lower.endsWith(`.${candidate}`) ? 1 : editDistance(lower, candidate)
    }
    return this.tokens.tokens
      .map((token) => ({ name: token.name, distance: Math.min(...[token.name, ...token.aliases].map(distanceTo)) }))
      .filter((candidate) => candidate.distance <= Math.max(2, Math.floor(candidate.name.length / 4)))
      .sort((left, right) => left.distance - right.distance)
      .slice(0, 3)
      .map((candidate) => candidate.name)
  }

  private testsFor(clause: ClauseNode, token: QqlToken): ElementTest[] | null {
    const { op, start, end } = clause.operator
    if (!token.operators.includes(op)) {
      const allowed = token.operators.map((operator) => `\`${operator}\``).join(' or ')
      this.errors.push(qqlError(`\`${op}\` does not apply to \`${token.name}\` (${describeType(token)})`, start, end, token.operators, `use ${allowed}`))
      return null
    }
    const value = clause.value
    if (value.kind !== 'scalar' && op !== ':') {
      this.errors.push(qqlError(`a ${value.kind} of values needs \`:\`, as in \`${token.name}: [a, b]\``, value.start, value.end, [':']))
      return null
    }
    switch (value.kind) {
      case 'scalar': {
        const test = this.testFor(token, op, value)
        return test === null ? null : [test]
      }
      case 'list': {
        const tests = value.items.map((item) => this.testFor(token, op, item))
        return tests.every((test) => test !== null) ? (tests as ElementTest[]) : null
      }
      case 'range': {
        if (!isOrderedType(token.elementType)) {
          this.errors.push(qqlError(`a range needs a number or date token; \`${token.name}\` is ${describeType(token)}`, value.start, value.end))
          return null
        }
        const low = this.orderedValue(token, op, value.low)
        const high = this.orderedValue(token, op, value.high)
        if (low === null || high === null) return null
        return [{ kind: 'compare', bounds: [lowerBound(low, value.inclusive), upperBound(high, value.inclusive)] }]
      }
    }
  }

  private testFor(token: QqlToken, op: Operator, scalar: ScalarNode): ElementTest | null {
    const { text } = scalar
    const exact = op === '=' || scalar.quote === 'backtick'
    switch (token.elementType) {
      case 'text':
        if (exact) return equals({ kind: 'string', value: text })
        if (scalar.wildcardParts !== null) return { kind: 'like', pattern: likePattern(scalar.wildcardParts) }
        return { kind: 'like', pattern: `%${escapeLike(text)}%` }
      case 'keyword':
        if (exact) return equals({ kind: 'string', value: text })
        return { kind: 'like', pattern: scalar.wildcardParts === null ? escapeLike(text) : likePattern(scalar.wildcardParts) }
      case 'enum': {
        const values = token.values ?? []
        const lower = text.toLowerCase()
        const value = values.find((candidate) => candidate.toLowerCase() === lower)
        if (value !== undefined) return equals({ kind: 'string', value })
        return this.valueError(scalar, `\`${text}\` is not a value of \`${token.name}\``, values, `expected one of ${values.join(', ')}`)
      }
      case 'boolean': {
        const value = readBoolean(text)
        if (value !== null) return equals({ kind: 'boolean', value })
        return this.valueError(scalar, `\`${token.name}\` is true or false, not \`${text}\``, ['true', 'false'])
      }
      case 'ip': {
        const ip = readIp(text, scalar.wildcardParts)
        if (ip === null) return this.valueError(scalar, `\`${text}\` is not an IP address, CIDR block (10.0.0.0/8) or pattern (10.0.*)`, [])
        if (ip.kind === 'address') return equals({ kind: 'string', value: ip.text })
        if (ip.kind === 'cidr') return { kind: 'ipRange', cidr: ip.text }
        return { kind: 'like', pattern: likePattern(ip.parts) }
      }
      case 'integer':
      case 'date': {
        const value = this.orderedValue(token, op, scalar)
        return value === null ? null : { kind: 'compare', bounds: boundsFor(value, op) }
      }
    }
  }

  private orderedValue(token: QqlToken, op: Operator, scalar: ScalarNode): Ordered | null {
    const clauseStart = describeClauseStart(token.name, op)
    if (token.elementType === 'integer') {
      const value = readInteger(scalar.text)
      if (value !== null) return { kind: 'point', value: { kind: 'integer', value } }
      return this.valueError(scalar, `expected a whole number after \`${clauseStart}\``, ['whole number'], `found \`${scalar.text}\``)
    }
    const date = readDate(scalar.text)
    const years = date === null ? isDateOutsideYears(scalar.text) : null
    if (years !== null) {
      return this.valueError(scalar, `\`${scalar.text}\` is outside the dates QQL reads (years ${years.min} to ${years.max})`, DATE_EXAMPLES)
    }
    if (date === null) return this.valueError(scalar, `expected a date after \`${clauseStart}\``, DATE_EXAMPLES, `found \`${scalar.text}\` (use ${DATE_FORMAT_HINT})`)
    if (date.kind === 'relative') return { kind: 'point', value: { kind: 'relativeTime', amount: date.amount, unit: date.unit } }
    return {
      kind: 'span',
      start: { kind: 'time', ms: date.start, zoned: date.zoned },
      end: { kind: 'time', ms: date.end, zoned: date.zoned },
    }
  }

  private valueError(scalar: ScalarNode, message: string, expected: readonly string[], detail?: string): null {
    this.errors.push(qqlError(message, scalar.start, scalar.end, expected, detail))
    return null
  }
}
