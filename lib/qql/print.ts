// Prints a QQL tree back as text: canonical spacing, explicit AND, parentheses where needed or authored, values re-escaped.
import type { ClauseNode, QqlNode, ScalarNode, ValueNode } from './ast'

const PRECEDENCE = { or: 0, and: 1, not: 2, clause: 3 } as const
const KEYWORD = /^(and|or|not)$/i

export function printQuery(node: QqlNode | null): string {
  return node === null ? '' : printNode(node)
}

function printNode(node: QqlNode): string {
  switch (node.kind) {
    case 'clause':
      return printClause(node)
    case 'not':
      return `NOT ${printOperand(node.operand, node.kind)}`
    case 'and':
    case 'or':
      return node.operands.map((operand) => printOperand(operand, node.kind)).join(node.kind === 'and' ? ' AND ' : ' OR ')
  }
}

function printOperand(node: QqlNode, parent: 'and' | 'or' | 'not'): string {
  const text = printNode(node)
  // An AND group inside an AND (OR inside OR) was parenthesised by its author, and in the asset view the grouping
  // decides which patch.* conditions must hold on one finding: keep it.
  const authoredGroup = node.kind === parent && parent !== 'not'
  return authoredGroup || PRECEDENCE[node.kind] < PRECEDENCE[parent] ? `(${text})` : text
}

export function printClause(clause: ClauseNode): string {
  const { op } = clause.operator
  return `${clause.token.name}${op === ':' ? ':' : ` ${op}`} ${printValue(clause.value)}`
}

function printValue(value: ValueNode): string {
  switch (value.kind) {
    case 'scalar':
      return printScalar(value)
    case 'list':
      return `[${value.items.map(printScalar).join(', ')}]`
    case 'range':
      return value.inclusive ? `[${printScalar(value.low)} .. ${printScalar(value.high)}]` : `(${printScalar(value.low)} .. ${printScalar(value.high)})`
  }
}

/**
 * A literal value (a known value picked from autocomplete, a quick filter's value) as QQL text: a bare word when it
 * reads back as itself, else a "phrase" — so `and`, `a b`, `x*` and `""` keep their literal meaning.
 */
export function printLiteral(text: string): string {
  const bare = printScalar({ quote: 'none', text, wildcardParts: null })
  return bare === text ? bare : printScalar({ quote: 'double', text, wildcardParts: null })
}

function printScalar(scalar: Pick<ScalarNode, 'quote' | 'text' | 'wildcardParts'>): string {
  if (scalar.quote === 'backtick') return `\`${scalar.text.replace(/[`\\]/g, '\\$&')}\``
  if (scalar.quote === 'double' || scalar.text === '') return `"${scalar.text.replace(/["\\]/g, '\\$&')}"`
  if (scalar.wildcardParts !== null) return scalar.wildcardParts.map(escapeBare).join('*')
  const escaped = escapeBare(scalar.text)
  return KEYWORD.test(escaped) ? `\\${escaped}` : escaped
}

/** Backslash-escapes what would end or change a bare word: spaces, brackets, quotes, `\`, `*` and the first of `..`. */
function escapeBare(text: string): string {
  return text.replace(/[\s()[\],"`\\*]|\.(?=\.)/g, '\\$&')
}
