// Clauses of a query as a set of ANDed conditions: whether a ready-made clause (a quick filter) holds, and toggling it.
// Works on the syntax tree and prints it back, so `NOT osFamily: Windows` or `osFamily: Windows OR …` never count as
// the "Windows" filter, and removing a filter removes exactly its conditions.
import type { QqlNode, ScalarNode, ValueNode } from './ast'
import { parseSyntax } from './parser'
import { printQuery } from './print'
import { CURRENT_TOKEN_VERSION, tokenSet, type TokenSet } from './tokens/registry'
import type { Entity } from './tokens/types'

export interface ClauseToggle {
  /** The query's top level requires the clause (every one of its conditions, when it is an AND). */
  on: boolean
  /** The query with the clause removed when on, else added (ANDed at the top level). */
  toggled: string
}

/** Whether `clause` holds at the top level of `query`, and the query with it toggled; both are current-version text. */
export function toggleClause(query: string, clause: string, entity: Entity): ClauseToggle {
  const tokens = tokenSet(entity, CURRENT_TOKEN_VERSION)
  const filter = parseSyntax(clause).ast
  const parsed = parseSyntax(query)
  if (filter === null) return { on: false, toggled: query }
  if (parsed.errors.length > 0) return { on: false, toggled: query.trim() === '' ? clause : `${query.trim()} AND ${clause}` }

  const conjuncts = parsed.ast === null ? [] : topLevelConjuncts(parsed.ast)
  const keys = conjuncts.map((node) => nodeKey(node, tokens))
  const remaining = withoutFilter(conjuncts, keys, filter, tokens)
  if (remaining !== null) return { on: true, toggled: printQuery(andOf(remaining)) }
  return { on: false, toggled: printQuery(andOf([...conjuncts, filter])) }
}

/** The conditions the query ANDs together at its top level (an authored `( … AND … )` group stays one condition). */
function topLevelConjuncts(node: QqlNode): QqlNode[] {
  return node.kind === 'and' ? node.operands : [node]
}

/** The conjuncts without the filter's conditions, or null when the query does not require all of them. */
function withoutFilter(conjuncts: QqlNode[], keys: string[], filter: QqlNode, tokens: TokenSet): QqlNode[] | null {
  const whole = keys.indexOf(nodeKey(filter, tokens))
  if (whole >= 0) return conjuncts.filter((_, index) => index !== whole)
  if (filter.kind !== 'and') return null
  const left = [...keys]
  for (const part of filter.operands) {
    const index = left.indexOf(nodeKey(part, tokens))
    if (index < 0) return null
    left[index] = ''
  }
  return conjuncts.filter((_, index) => left[index] !== '')
}

function andOf(operands: QqlNode[]): QqlNode | null {
  if (operands.length <= 1) return operands[0] ?? null
  return { kind: 'and', operands, start: operands[0].start, end: operands[operands.length - 1].end }
}

/**
 * What a condition means, as text: token by its id (so an alias is the same token), operator, and values — enum and
 * boolean values ignoring case, as the compiler reads them.
 */
function nodeKey(node: QqlNode, tokens: TokenSet): string {
  switch (node.kind) {
    case 'not':
      return `not(${nodeKey(node.operand, tokens)})`
    case 'and':
    case 'or':
      return `${node.kind}(${node.operands.map((operand) => nodeKey(operand, tokens)).join(',')})`
    case 'clause': {
      const token = tokens.byName.get(node.token.name)
      const closed = token !== undefined && token.values !== null
      return `${token?.id ?? node.token.name}${node.operator.op}${valueKey(node.value, closed)}`
    }
  }
}

function valueKey(value: ValueNode, closed: boolean): string {
  const scalar = (item: ScalarNode) => JSON.stringify([item.quote === 'backtick', closed ? item.text.toLowerCase() : item.text, item.wildcardParts])
  switch (value.kind) {
    case 'scalar':
      return scalar(value)
    case 'list':
      return `[${value.items.map(scalar).join(',')}]`
    case 'range':
      return `${value.inclusive ? '[' : '('}${scalar(value.low)}..${scalar(value.high)}`
  }
}
