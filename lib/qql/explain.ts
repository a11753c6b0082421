// Plain-English reading of a QQL query, e.g. `Assets where name contains "web" and have a current finding where …`.
import type { ClauseNode, Operator, QqlNode, ScalarNode } from './ast'
import { groupAndOperands, isFindingOnly } from './finding-groups'
import { CURRENT_TOKEN_VERSION, tokenSet } from './tokens/registry'
import type { Entity, QqlToken } from './tokens/types'
import { readDate } from './values'

const ENTITY_NOUNS: Readonly<Record<Entity, string>> = { assets: 'Assets', patches: 'Patches', findings: 'Findings', jobs: 'Jobs' }

const ORDER_WORDS: Readonly<Record<'>' | '>=' | '<' | '<=', { number: string; date: string }>> = {
  '>': { number: 'is greater than', date: 'is after' },
  '>=': { number: 'is at least', date: 'is on or after' },
  '<': { number: 'is less than', date: 'is before' },
  '<=': { number: 'is at most', date: 'is on or before' },
}

/** Reads a query of the current token version; unknown tokens are read generically. */
export function explainQql(ast: QqlNode | null, entity: Entity): string {
  const noun = ENTITY_NOUNS[entity]
  if (ast === null) return `All ${noun.toLowerCase()}`
  const tokens = tokenSet(entity, CURRENT_TOKEN_VERSION).byName
  const explainer = new Explainer((name) => tokens.get(name))
  return `${noun} where ${explainer.explain(ast, false)}`
}

interface Phrase {
  verb: string
  value: string
}

class Explainer {
  private readonly isFindingClause: (node: QqlNode) => boolean

  constructor(private readonly lookUp: (name: string) => QqlToken | undefined) {
    this.isFindingClause = (node) => node.kind === 'clause' && this.lookUp(node.token.name)?.source.via === 'assetFinding'
  }

  explain(node: QqlNode, insideFindings: boolean): string {
    if (!insideFindings && isFindingOnly(node, this.isFindingClause)) return `have a current finding where ${this.explain(node, true)}`
    switch (node.kind) {
      case 'clause':
        return this.clause(node)
      case 'not':
        if (!insideFindings && isFindingOnly(node.operand, this.isFindingClause)) {
          return `have no current finding where ${this.explain(node.operand, true)}`
        }
        return `not ${this.operand(node.operand, insideFindings)}`
      case 'or':
        return node.operands.map((operand) => this.operand(operand, insideFindings)).join(' or ')
      case 'and': {
        if (insideFindings) return node.operands.map((operand) => this.operand(operand, true)).join(' and ')
        return groupAndOperands(node.operands, this.isFindingClause)
          .map((part) =>
            part.kind === 'findingGroup'
              ? `have a current finding where ${part.criteria.map((criterion) => this.operand(criterion, true)).join(' and ')}`
              : this.operand(part.node, false),
          )
          .join(' and ')
      }
    }
  }

  private operand(node: QqlNode, insideFindings: boolean): string {
    const text = this.explain(node, insideFindings)
    return node.kind === 'and' || node.kind === 'or' ? `(${text})` : text
  }

  private clause(clause: ClauseNode): string {
    const token = this.lookUp(clause.token.name)
    const subject = token?.type === 'array' ? `any ${clause.token.name}` : clause.token.name
    const op = clause.operator.op
    const value = clause.value
    switch (value.kind) {
      case 'scalar': {
        const phrase = describe(value, op, token)
        return `${subject} ${phrase.verb} ${phrase.value}`
      }
      case 'list': {
        const phrases = value.items.map((item) => describe(item, op, token))
        const verb = phrases[0].verb
        if (phrases.every((phrase) => phrase.verb === verb)) return `${subject} ${verb} any of ${phrases.map((phrase) => phrase.value).join(', ')}`
        return `${subject} ${phrases.map((phrase) => `${phrase.verb} ${phrase.value}`).join(' or ')}`
      }
      case 'range': {
        const low = describe(value.low, op, token).value
        const high = describe(value.high, op, token).value
        return value.inclusive ? `${subject} is between ${low} and ${high}, inclusive` : `${subject} is strictly between ${low} and ${high}`
      }
    }
  }
}

function describe(scalar: ScalarNode, op: Operator, token: QqlToken | undefined): Phrase {
  const quoted = `"${scalar.text}"`
  const elementType = token?.elementType ?? null
  if (op !== ':' && op !== '=') {
    const words = ORDER_WORDS[op]
    return elementType === 'date' ? { verb: words.date, value: describeDate(scalar.text) } : { verb: words.number, value: scalar.text }
  }
  const exact = op === '=' || scalar.quote === 'backtick'
  const wildcard = scalar.wildcardParts !== null
  switch (elementType) {
    case 'text':
      return exact ? { verb: 'is exactly', value: quoted } : { verb: wildcard ? 'matches' : 'contains', value: quoted }
    case 'keyword':
      return { verb: exact ? 'is exactly' : wildcard ? 'matches' : 'is', value: quoted }
    case 'ip':
      return { verb: wildcard ? 'matches' : scalar.text.includes('/') ? 'is in' : 'is', value: scalar.text }
    case 'date': {
      const date = readDate(scalar.text)
      if (date?.kind === 'relative') return { verb: 'is on or after', value: describeDate(scalar.text) }
      return { verb: /^\d{4}-\d{2}$/.test(scalar.text) ? 'is in' : 'is on', value: scalar.text }
    }
    case 'enum':
    case 'boolean': {
      const lower = scalar.text.toLowerCase()
      return { verb: 'is', value: token?.values?.find((value) => value.toLowerCase() === lower) ?? scalar.text }
    }
    case 'integer':
      return { verb: 'is', value: scalar.text }
    case null:
      return { verb: op === '=' ? 'equals' : 'matches', value: quoted }
  }
}

/** `now-30d` → `30 days ago`, `now+1h` → `1 hour from now`; other text as written. */
function describeDate(text: string): string {
  const date = readDate(text)
  if (date?.kind !== 'relative') return text
  if (date.amount === 0) return 'now'
  const count = Math.abs(date.amount)
  const span = `${count} ${date.unit}${count === 1 ? '' : 's'}`
  return date.amount < 0 ? `${span} ago` : `${span} from now`
}
