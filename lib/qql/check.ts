// A query checked as the editor and the validate API show it: errors, warnings, the English reading, and its rebuild.
import { analyzeQuery } from './analyze'
import type { QqlError, QqlWarning } from './errors'
import { explainQql } from './explain'
import { migrateQuery, type MigrationChange } from './tokens/migrate'
import { CURRENT_TOKEN_VERSION } from './tokens/registry'
import type { Entity } from './tokens/types'

export interface QueryCheck {
  valid: boolean
  errors: QqlError[]
  warnings: QqlWarning[]
  /** The plain-English reading (of the rebuilt query, for an older version), or null when the query has errors. */
  explain: string | null
  version: number
  /** The query rewritten to the current token version, when it was written against an older one and can be. */
  migrated: string | null
  /** What the rebuild changes, clause by clause. */
  changes: MigrationChange[]
}

export function checkQuery(text: string, entity: Entity, version: number = CURRENT_TOKEN_VERSION): QueryCheck {
  const analysis = analyzeQuery(text, entity, version)
  const migration = version < CURRENT_TOKEN_VERSION && analysis.errors.length === 0 ? migrateQuery(text, version, CURRENT_TOKEN_VERSION, entity) : null
  const errors = [...analysis.errors, ...(migration?.errors ?? [])]
  const current = migration?.query ?? text
  const explain = errors.length === 0 ? explainQql(analyzeQuery(current, entity, CURRENT_TOKEN_VERSION).ast, entity) : null
  return {
    valid: errors.length === 0,
    errors,
    warnings: analysis.warnings,
    explain,
    version,
    migrated: migration?.query ?? null,
    changes: migration?.changes ?? [],
  }
}
