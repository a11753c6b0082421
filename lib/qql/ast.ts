// Syntax tree of a QQL query; every node carries its source span [start, end) in UTF-16 offsets.

export interface Span {
  start: number
  end: number
}

export const OPERATORS = [':', '=', '>', '>=', '<', '<='] as const
export type Operator = (typeof OPERATORS)[number]

/** How a value was written: bare word, "phrase" or `exact`. */
export type QuoteKind = 'none' | 'double' | 'backtick'

export interface ScalarNode extends Span {
  kind: 'scalar'
  quote: QuoteKind
  /** The value with escapes removed; a `*` here is a literal character unless `wildcardParts` says otherwise. */
  text: string
  /** For a bare word with unescaped `*`: the literal pieces between the wildcards (`chro*me` → ['chro', 'me']); else null. */
  wildcardParts: string[] | null
}

export interface RangeNode extends Span {
  kind: 'range'
  low: ScalarNode
  high: ScalarNode
  /** `[a .. b]` includes both ends, `(a .. b)` excludes both. */
  inclusive: boolean
}

export interface ListNode extends Span {
  kind: 'list'
  items: ScalarNode[]
}

export type ValueNode = ScalarNode | RangeNode | ListNode

export interface TokenRefNode extends Span {
  name: string
}

export interface OperatorNode extends Span {
  op: Operator
}

export interface ClauseNode extends Span {
  kind: 'clause'
  token: TokenRefNode
  operator: OperatorNode
  value: ValueNode
}

export interface AndNode extends Span {
  kind: 'and'
  operands: QqlNode[]
}

export interface OrNode extends Span {
  kind: 'or'
  operands: QqlNode[]
}

export interface NotNode extends Span {
  kind: 'not'
  operand: QqlNode
}

export type QqlNode = AndNode | OrNode | NotNode | ClauseNode

/** Every clause of a tree, in source order. */
export function clausesOf(node: QqlNode | null): ClauseNode[] {
  if (node === null) return []
  switch (node.kind) {
    case 'clause':
      return [node]
    case 'not':
      return clausesOf(node.operand)
    case 'and':
    case 'or':
      return node.operands.flatMap(clausesOf)
  }
}
