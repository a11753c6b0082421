// The QQL token registry: each entity's tokens at each token-schema version; the only path from a token to SQL.
import { OPERATORS, type Operator } from '../ast'
import { ASSET_FIELDS, AUDIT_FIELDS, FINDING_FIELDS, JOB_FIELDS, PATCH_ASSET_COUNT_FIELDS, PATCH_FIELDS } from './fields'
import type { ElementType, Entity, FieldDefinition, FieldGroup, QqlToken, TokenHistory, TokenSource, TokenType } from './types'

export const TOKEN_VERSIONS = [1, 2] as const
export const CURRENT_TOKEN_VERSION = 2

export function isTokenVersion(version: number): boolean {
  return (TOKEN_VERSIONS as readonly number[]).includes(version)
}

interface Composition {
  group: FieldGroup
  /** Prepended to every field name: `patch.` for the asset view's patch tokens, `asset.` in the findings view. */
  prefix: string
  /** The prefix another view writes these fields with, accepted as an alias (the asset view's `patch.status` is `status` here). */
  aliasPrefix?: string
  via: TokenSource['via']
}

/**
 * Which fields each entity sees, under which names, and how they reach SQL from the entity's source. The aliases make
 * the asset view's and the findings view's spellings interchangeable, so a query moves between the lists unchanged.
 */
const COMPOSITIONS: Record<Entity, readonly Composition[]> = {
  assets: [
    { group: ASSET_FIELDS, prefix: '', aliasPrefix: 'asset.', via: 'row' },
    { group: FINDING_FIELDS, prefix: 'patch.', aliasPrefix: '', via: 'assetFinding' },
    { group: PATCH_FIELDS, prefix: 'patch.', via: 'assetFinding' },
  ],
  patches: [
    { group: PATCH_FIELDS, prefix: '', aliasPrefix: 'patch.', via: 'row' },
    { group: PATCH_ASSET_COUNT_FIELDS, prefix: '', via: 'assetCount' },
  ],
  findings: [
    { group: FINDING_FIELDS, prefix: '', aliasPrefix: 'patch.', via: 'row' },
    { group: ASSET_FIELDS, prefix: 'asset.', aliasPrefix: '', via: 'row' },
    { group: PATCH_FIELDS, prefix: 'patch.', via: 'row' },
  ],
  jobs: [{ group: JOB_FIELDS, prefix: '', via: 'row' }],
  // The audit log is for audit.view holders: no tag scope, no aliases.
  audit: [{ group: AUDIT_FIELDS, prefix: '', via: 'row' }],
}

const ORDERED_TYPES: ReadonlySet<ElementType> = new Set(['integer', 'date'])
const EQUALITY_OPERATORS: readonly Operator[] = [':', '=']
const BOOLEAN_VALUES = ['true', 'false'] as const

function operatorsFor(elementType: ElementType): readonly Operator[] {
  return ORDERED_TYPES.has(elementType) ? OPERATORS : EQUALITY_OPERATORS
}

export function isOrderedType(elementType: ElementType): boolean {
  return ORDERED_TYPES.has(elementType)
}

export interface TokenSet {
  entity: Entity
  version: number
  tokens: readonly QqlToken[]
  /** By name and by alias. */
  byName: ReadonlyMap<string, QqlToken>
  byId: ReadonlyMap<string, QqlToken>
}

const tokenSets = new Map<string, TokenSet>()

/** The tokens of an entity at a version (`isTokenVersion(version)` must hold). */
export function tokenSet(entity: Entity, version: number): TokenSet {
  const key = `${entity}@${version}`
  const cached = tokenSets.get(key)
  if (cached !== undefined) return cached
  const tokens = COMPOSITIONS[entity].flatMap((composition) =>
    composition.group.fields.flatMap((field) => {
      const token = tokenAt(field, composition, entity, version)
      return token === null ? [] : [token]
    }),
  )
  const set: TokenSet = { entity, version, tokens, byName: indexByName(tokens, entity), byId: new Map(tokens.map((token) => [token.id, token])) }
  tokenSets.set(key, set)
  return set
}

function indexByName(tokens: readonly QqlToken[], entity: Entity): Map<string, QqlToken> {
  const byName = new Map<string, QqlToken>()
  for (const token of tokens) {
    for (const name of [token.name, ...token.aliases]) {
      const other = byName.get(name)
      // A programming error in COMPOSITIONS, caught by the registry tests: one spelling must mean one token.
      if (other !== undefined) throw new Error(`QQL ${entity}: \`${name}\` names both ${other.id} and ${token.id}`)
      byName.set(name, token)
    }
  }
  return byName
}

export function tokensFor(entity: Entity, version: number = CURRENT_TOKEN_VERSION): readonly QqlToken[] {
  return isTokenVersion(version) ? tokenSet(entity, version).tokens : []
}

/** A field as it looked at `version`: later changes are undone newest first. */
function tokenAt(field: FieldDefinition, composition: Composition, entity: Entity, version: number): QqlToken | null {
  const { history } = field
  if (history.addedIn > version || (history.removed !== undefined && history.removed.in <= version)) return null
  let name = field.name
  let type: TokenType = field.type
  let elementType: ElementType = field.type === 'array' ? field.elementType : field.type
  let values = field.values
  let description = field.description
  for (const change of [...history.changes].reverse()) {
    if (change.in <= version) break
    name = change.renamedFrom ?? name
    type = change.retypedFrom?.type ?? type
    elementType = change.retypedFrom?.elementType ?? elementType
    values = change.previousValues ?? values
    description = change.previousDescription ?? description
  }
  return {
    id: composition.prefix + field.name,
    name: composition.prefix + name,
    aliases: composition.aliasPrefix === undefined ? [] : [composition.aliasPrefix + name],
    entity,
    version,
    type,
    elementType,
    operators: operatorsFor(elementType),
    values: elementType === 'enum' ? (values ?? []) : elementType === 'boolean' ? BOOLEAN_VALUES : null,
    valueSource: field.valueSource === undefined ? null : { table: composition.group.table, sql: field.valueSource },
    description,
    source: { via: composition.via, sql: field.sql },
    history: prefixHistory(history, composition.prefix),
  }
}

function prefixHistory(history: TokenHistory, prefix: string): TokenHistory {
  if (prefix === '') return history
  return {
    ...history,
    changes: history.changes.map((change) =>
      change.renamedFrom === undefined ? change : { ...change, renamedFrom: prefix + change.renamedFrom },
    ),
  }
}

/**
 * Why `name` is not a token of `entity` at `version`, when another version knows it: renamed, removed, or not yet
 * added. Null when no version has ever had it.
 */
export function versionHint(entity: Entity, version: number, name: string): { message: string; replacement: string | null } | null {
  if (tokenSet(entity, version).byName.has(name)) return null
  for (const other of TOKEN_VERSIONS) {
    const token = other === version ? undefined : tokenSet(entity, other).byName.get(name)
    if (token === undefined) continue
    const atVersion = tokenSet(entity, version).byId.get(token.id)
    if (atVersion !== undefined) {
      const renamedIn = token.history.changes.find((change) => change.renamedFrom !== undefined && change.in > other)?.in ?? version
      const message =
        other < version ? `was renamed \`${atVersion.name}\` in token version ${renamedIn}` : `is called \`${atVersion.name}\` in token version ${version}`
      return { message: `\`${name}\` ${message}`, replacement: atVersion.name }
    }
    if (other > version) return { message: `\`${name}\` arrived in token version ${token.history.addedIn}`, replacement: null }
    const removed = token.history.removed
    if (removed !== undefined) return { message: `\`${name}\` was removed in token version ${removed.in}: ${removed.note}`, replacement: null }
  }
  return null
}
