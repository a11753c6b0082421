// Plain-English reading of a QQL query, e.g. `Assets where name contains "web" and they have a current finding where …`.
import type { ClauseNode, Operator, QqlNode, ScalarNode } from './ast'
import { groupAndOperands, isFindingOnly } from './finding-groups'
import { CURRENT_TOKEN_VERSION, tokenSet } from './tokens/registry'
import type { Entity, QqlToken } from './tokens/types'
import { readDate } from './values'

const ENTITY_NOUNS: Readonly<Record<Entity, string>> = {
  assets: 'Assets',
  patches: 'Patches',
  findings: 'Findings',
  jobs: 'Jobs',
  audit: 'Audit entries',
}

const ORDER_WORDS: Readonly<Record<'>' | '>=' | '<' | '<=', { number: string; date: string }>> = {
  '>': { number: 'is greater than', date: 'is after' },
  '>=': { number: 'is at least', date: 'is on or after' },
  '<': { number: 'is less than', date: 'is before' },
  '<=': { number: 'is at most', date: 'is on or before' },
}

/** A finding phrase inside the sentence has its own subject (`… and they have a current finding where …`). */
const FINDING_SUBJECT = 'they '

/** Reads a query of the current token version; unknown tokens are read generically. */
export function explainQql(ast: QqlNode | null, entity: Entity): string {
  const noun = ENTITY_NOUNS[entity]
  if (ast === null) return `All ${noun.toLowerCase()}`
  const tokens = tokenSet(entity, CURRENT_TOKEN_VERSION).byName
  const explainer = new Explainer((name) => tokens.get(name))
  const reading = explainer.explain(ast, false)
  // "Assets that have a current finding where …" when the reading opens with one, else "Assets where …".
  return reading.startsWith(FINDING_SUBJECT) ? `${noun} that ${reading.slice(FINDING_SUBJECT.length)}` : `${noun} where ${reading}`
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
    if (!insideFindings && isFindingOnly(node, this.isFindingClause)) return `${FINDING_SUBJECT}have a current finding where ${this.explain(node, true)}`
    switch (node.kind) {
      case 'clause':
        return this.clause(node, false)
      case 'not':
        if (!insideFindings && isFindingOnly(node.operand, this.isFindingClause)) {
          return `${FINDING_SUBJECT}have no current finding where ${this.explain(node.operand, true)}`
        }
        // `NOT name: web` reads "name does not contain "web"", as a person would say it.
        if (node.operand.kind === 'clause') return this.clause(node.operand, true)
        return `not ${this.operand(node.operand, insideFindings)}`
      case 'or':
        return node.operands.map((operand) => this.operand(operand, insideFindings)).join(' or ')
      case 'and': {
        if (insideFindings) return node.operands.map((operand) => this.operand(operand, true)).join(' and ')
        return groupAndOperands(node.operands, this.isFindingClause)
          .map((part) =>
            part.kind === 'findingGroup'
              ? `${FINDING_SUBJECT}have a current finding where ${part.criteria.map((criterion) => this.operand(criterion, true)).join(' and ')}`
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

  private clause(clause: ClauseNode, negated: boolean): string {
    const token = this.lookUp(clause.token.name)
    const isArray = token?.type === 'array'
    // Any element matching is the test; its negation is "no element matches", so the verb stays positive.
    const subject = isArray ? `${negated ? 'no' : 'any'} ${clause.token.name}` : clause.token.name
    const verbOf = (phrase: Phrase) => (negated && !isArray ? negate(phrase.verb) : phrase.verb)
    const op = clause.operator.op
    const value = clause.value
    switch (value.kind) {
      case 'scalar': {
        const phrase = describe(value, op, token)
        return `${subject} ${verbOf(phrase)} ${phrase.value}`
      }
      case 'list': {
        const phrases = value.items.map((item) => describe(item, op, token))
        const verb = phrases[0].verb
        if (phrases.every((phrase) => phrase.verb === verb)) return `${subject} ${listVerb(verb, negated && !isArray)} ${phrases.map((phrase) => phrase.value).join(', ')}`
        const alternatives = phrases.map((phrase) => `${verbOf(phrase)} ${phrase.value}`)
        return `${subject} ${alternatives.join(negated && !isArray ? ' and ' : ' or ')}`
      }
      case 'range': {
        const bound = (scalar: ScalarNode) => (token?.elementType === 'date' ? describeDate(scalar.text) : scalar.text)
        const [low, high] = [bound(value.low), bound(value.high)]
        const verb = negated && !isArray ? 'is not' : 'is'
        return value.inclusive ? `${subject} ${verb} between ${low} and ${high}, inclusive` : `${subject} ${verb} strictly between ${low} and ${high}`
      }
    }
  }
}

/** `is` → `is not`, `contains` → `does not contain`, `matches` → `does not match`. */
function negate(verb: string): string {
  if (verb === 'is' || verb.startsWith('is ')) return `is not${verb.slice(2)}`
  const [first, ...rest] = verb.split(' ')
  const base = first.endsWith('ches') ? first.slice(0, -2) : first.replace(/s$/, '')
  return ['does not', base, ...rest].join(' ')
}

/** A list of values: `is one of A, B`, `contains any of "a", "b"`; negated `is none of`, `contains none of`. */
function listVerb(verb: string, negated: boolean): string {
  if (verb === 'is') return negated ? 'is none of' : 'is one of'
  return `${verb} ${negated ? 'none' : 'any'} of`
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
      if (date?.kind === 'relative' && date.amount < 0) return { verb: 'is within the last', value: describeSpan(date.amount, date.unit) }
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

/** `30 days`, `1 month`. */
function describeSpan(amount: number, unit: string): string {
  const count = Math.abs(amount)
  return `${count} ${unit}${count === 1 ? '' : 's'}`
}

/** `now-30d` → `30 days ago`, `now+1h` → `1 hour from now`; other text as written. */
function describeDate(text: string): string {
  const date = readDate(text)
  if (date?.kind !== 'relative') return text
  if (date.amount === 0) return 'now'
  const span = describeSpan(date.amount, date.unit)
  return date.amount < 0 ? `${span} ago` : `${span} from now`
}
