// Token-schema migrations of saved queries, the basis of "Rebuild widgets"; pure functions on the syntax tree.
// Tokens are renamed and values mapped one version at a time, then the query is printed back as text.
import { analyzeQuery, unknownVersionError } from '../analyze'
import type { ClauseNode, QqlNode, ScalarNode, ValueNode } from '../ast'
import { qqlError, type QqlError } from '../errors'
import { printClause, printQuery } from '../print'
import { resolveQuery } from '../resolve'
import { tokenSet } from './registry'
import type { Entity } from './types'

export interface MigrationChange {
  /** The clause's span in the original text. */
  start: number
  end: number
  from: string
  to: string
  message: string
}

export interface MigrationResult {
  /** The query at the target version, or null when it could not be rebuilt (see errors). Unchanged text stays as typed. */
  query: string | null
  changes: MigrationChange[]
  errors: QqlError[]
}

export interface AstMigration {
  ast: QqlNode | null
  changes: MigrationChange[]
  errors: QqlError[]
}

export function migrateQuery(text: string, from: number, to: number, entity: Entity): MigrationResult {
  const versionError = unknownVersionError(from) ?? unknownVersionError(to)
  if (versionError !== null) return { query: null, changes: [], errors: [versionError] }
  if (from > to) return { query: null, changes: [], errors: [qqlError(`cannot migrate down from token version ${from} to ${to}`, 0, 0)] }
  const analysis = analyzeQuery(text, entity, from)
  if (analysis.errors.length > 0) return { query: null, changes: [], errors: analysis.errors }
  const migration = migrateAst(analysis.ast, entity, from, to)
  const errors = migration.errors.length > 0 ? migration.errors : resolveQuery(migration.ast, tokenSet(entity, to)).errors
  if (errors.length > 0) return { query: null, changes: migration.changes, errors }
  return { query: migration.changes.length === 0 ? text : printQuery(migration.ast), changes: migration.changes, errors: [] }
}

/** Migrates a checked tree of version `from` to version `to`; nodes keep their positions in the original text. */
export function migrateAst(ast: QqlNode | null, entity: Entity, from: number, to: number): AstMigration {
  const changes: MigrationChange[] = []
  const errors: QqlError[] = []
  let current = ast
  for (let version = from; version < to && current !== null; version++) {
    const step = new MigrationStep(entity, version, changes, errors)
    current = step.migrate(current)
  }
  return { ast: current, changes, errors }
}

class MigrationStep {
  constructor(
    private readonly entity: Entity,
    private readonly version: number,
    private readonly changes: MigrationChange[],
    private readonly errors: QqlError[],
  ) {}

  migrate(node: QqlNode): QqlNode {
    switch (node.kind) {
      case 'clause':
        return this.migrateClause(node)
      case 'not':
        return { ...node, operand: this.migrate(node.operand) }
      case 'and':
      case 'or':
        return { ...node, operands: node.operands.map((operand) => this.migrate(operand)) }
    }
  }

  private migrateClause(clause: ClauseNode): ClauseNode {
    const { name, start, end } = clause.token
    const next = this.version + 1
    const before = tokenSet(this.entity, this.version).byName.get(name)
    if (before === undefined) {
      this.errors.push(qqlError(`unknown token \`${name}\` (token version ${this.version})`, start, end))
      return clause
    }
    const after = tokenSet(this.entity, next).byId.get(before.id)
    if (after === undefined) {
      const note = before.history.removed === undefined ? '' : `: ${before.history.removed.note}`
      this.errors.push(qqlError(`\`${name}\` was removed in token version ${next}${note}`, start, end))
      return clause
    }
    const change = before.history.changes.find((candidate) => candidate.in === next)
    if (change === undefined) return clause
    // A token written under an alias keeps that spelling at the next version (aliases are listed in the same order).
    const aliasIndex = before.aliases.indexOf(name)
    const migrated: ClauseNode = {
      ...clause,
      token: { ...clause.token, name: after.aliases[aliasIndex] ?? after.name },
      value: change.valueMap === undefined ? clause.value : mapValue(clause.value, change.valueMap),
    }
    const [from, to] = [printClause(clause), printClause(migrated)]
    if (from === to) return clause
    this.changes.push({ start: clause.start, end: clause.end, from, to, message: `token version ${next}: ${change.note}` })
    return migrated
  }
}

function mapValue(value: ValueNode, valueMap: Readonly<Record<string, string>>): ValueNode {
  switch (value.kind) {
    case 'scalar':
      return mapScalar(value, valueMap)
    case 'list':
      return { ...value, items: value.items.map((item) => mapScalar(item, valueMap)) }
    case 'range':
      return { ...value, low: mapScalar(value.low, valueMap), high: mapScalar(value.high, valueMap) }
  }
}

/** Old values match ignoring case, as enum and boolean values do when queried. */
function mapScalar(scalar: ScalarNode, valueMap: Readonly<Record<string, string>>): ScalarNode {
  const lower = scalar.text.toLowerCase()
  const entry = Object.entries(valueMap).find(([old]) => old.toLowerCase() === lower)
  return entry === undefined ? scalar : { ...scalar, text: entry[1], wildcardParts: null }
}
