// How the asset view groups `patch.*` conditions into "has a current finding matching all of them" (compiler, explainer).
// Conditions ANDed together form one group; NOT of a group means "has no such finding".

/** The shape shared by the syntax tree and the typed tree. */
type TreeShape = { kind: 'and' | 'or'; operands: readonly TreeShape[] } | { kind: 'not'; operand: TreeShape } | { kind: 'clause' }

/** True when every condition in the subtree is about the finding (patch.*) and it has no NOT inside. */
export function isFindingOnly<N extends TreeShape>(node: N, isFindingClause: (clause: N) => boolean): boolean {
  const shape: TreeShape = node
  if (shape.kind === 'not') return false
  if (shape.kind === 'clause') return isFindingClause(node)
  // A tree's operands are nodes of the same tree.
  return (shape.operands as readonly N[]).every((operand) => isFindingOnly(operand, isFindingClause))
}

export type AndPart<N> = { kind: 'findingGroup'; criteria: N[] } | { kind: 'single'; node: N }

/** The operands of an AND, with all finding-only ones gathered into one group where the first of them stood. */
export function groupAndOperands<N extends TreeShape>(operands: readonly N[], isFindingClause: (clause: N) => boolean): AndPart<N>[] {
  const parts: AndPart<N>[] = []
  let group: { kind: 'findingGroup'; criteria: N[] } | null = null
  for (const operand of operands) {
    if (!isFindingOnly(operand, isFindingClause)) {
      parts.push({ kind: 'single', node: operand })
    } else if (group === null) {
      group = { kind: 'findingGroup', criteria: [operand] }
      parts.push(group)
    } else {
      group.criteria.push(operand)
    }
  }
  return parts
}
