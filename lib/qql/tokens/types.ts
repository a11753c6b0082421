// Types of the QQL token registry: what a token is, how it reaches SQL, and how it changed between versions.
import type { Operator } from '../ast'

export const ENTITIES = ['assets', 'patches', 'findings', 'jobs', 'audit'] as const
export type Entity = (typeof ENTITIES)[number]

export type ElementType = 'text' | 'keyword' | 'enum' | 'integer' | 'date' | 'boolean' | 'ip'
/** `array` tokens hold several values of their `elementType` and match when any element does. */
export type TokenType = ElementType | 'array'

/** The table a field is read from; also where the autocomplete values of its `valueSource` come from. */
export type FieldTable = 'assets' | 'patches' | 'findings' | 'jobs' | 'audit'

export interface TokenChange {
  /** The token-schema version in which the change took effect. */
  in: number
  /** The name before this version, when it was renamed. */
  renamedFrom?: string
  /** The type before this version, when it was retyped. */
  retypedFrom?: { type: TokenType; elementType: ElementType }
  /** The description before this version, when the meaning changed. */
  previousDescription?: string
  /** The enum values before this version, when they changed. */
  previousValues?: readonly string[]
  /** Old value → new value (matched ignoring case), applied when a query migrates across this version. */
  valueMap?: Readonly<Record<string, string>>
  /** Why, in a sentence a dashboard author can act on. */
  note: string
}

export interface TokenHistory {
  /** The token-schema version that introduced the token. */
  addedIn: number
  /** The version from which the token no longer exists. */
  removed?: { in: number; note: string }
  /** Oldest first. */
  changes: readonly TokenChange[]
}

type FieldType = { type: ElementType; elementType?: undefined } | { type: 'array'; elementType: ElementType }

/** One field of a table, written once and composed into the token sets of the entities that can see it. */
export type FieldDefinition = FieldType & {
  name: string
  /** The SQL expression over the table's alias (`a`, `p`, `f`, `j`, `l`); constant text only, never a user value. */
  sql: string
  /** Enum values (for `enum` tokens). */
  values?: readonly string[]
  /** SQL expression (over the same alias) whose distinct values feed autocomplete. */
  valueSource?: string
  description: string
  history: TokenHistory
}

export interface FieldGroup {
  table: FieldTable
  fields: readonly FieldDefinition[]
}

/**
 * How a token reaches SQL from an entity's source:
 * - `row`: `sql` is an expression over that entity's FROM clause;
 * - `assetFinding` (asset view's `patch.*`): `sql` is over findings `f` and patches `p`, reached through a semi-join
 *   on the asset's current findings;
 * - `assetCount` (patches view): the number of in-scope assets with a current finding for the patch matching `sql`.
 */
export interface TokenSource {
  via: 'row' | 'assetFinding' | 'assetCount'
  sql: string
}

/** A token as seen at one token-schema version; what `tokensFor(entity, version)` returns. */
export interface QqlToken {
  /** Stable across versions: the token's current name (or its last name, if it was removed). */
  id: string
  /** The name at this version. */
  name: string
  /**
   * Other names accepted for the token at this version: the spelling another entity's view uses for the same field
   * (the findings view reads `patch.status` as `status`, `tags.name` as `asset.tags.name`), so a query moves between
   * views unchanged. Autocomplete and "did you mean" offer `name` only.
   */
  aliases: readonly string[]
  entity: Entity
  version: number
  type: TokenType
  /** The type of each value: the element type for arrays, the type itself otherwise. */
  elementType: ElementType
  operators: readonly Operator[]
  /** The closed set of values (enums, booleans), or null when values are open. */
  values: readonly string[] | null
  /** Where known values come from for autocomplete, or null. */
  valueSource: { table: FieldTable; sql: string } | null
  description: string
  /** What the token reads in SQL. Only current-version tokens are compiled: older queries are migrated first. */
  source: TokenSource
  history: TokenHistory
}
