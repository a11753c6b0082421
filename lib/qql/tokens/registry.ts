// The QQL token registry: each entity's tokens at each token-schema version; the only path from a token to SQL.
import { OPERATORS, type Operator } from '../ast'
import { ASSET_FIELDS, FINDING_FIELDS, JOB_FIELDS, PATCH_ASSET_COUNT_FIELDS, PATCH_FIELDS } from './fields'
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
  via: TokenSource['via']
}

/** Which fields each entity sees, under which names, and how they reach SQL from the entity's source. */
const COMPOSITIONS: Record<Entity, readonly Composition[]> = {
  assets: [
    { group: ASSET_FIELDS, prefix: '', via: 'row' },
    { group: FINDING_FIELDS, prefix: 'patch.', via: 'assetFinding' },
    { group: PATCH_FIELDS, prefix: 'patch.', via: 'assetFinding' },
  ],
  patches: [
    { group: PATCH_FIELDS, prefix: '', via: 'row' },
    { group: PATCH_ASSET_COUNT_FIELDS, prefix: '', via: 'assetCount' },
  ],
  findings: [
    { group: FINDING_FIELDS, prefix: '', via: 'row' },
    { group: ASSET_FIELDS, prefix: 'asset.', via: 'row' },
    { group: PATCH_FIELDS, prefix: 'patch.', via: 'row' },
  ],
  jobs: [{ group: JOB_FIELDS, prefix: '', via: 'row' }],
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
  const set: TokenSet = {
    entity,
    version,
    tokens,
    byName: new Map(tokens.map((token) => [token.name, token])),
    byId: new Map(tokens.map((token) => [token.id, token])),
  }
  tokenSets.set(key, set)
  return set
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
