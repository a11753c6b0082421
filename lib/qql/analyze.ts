// Parse + check in one step: the syntax tree, the typed tree for the compiler, and every error and warning found.
import type { QqlNode } from './ast'
import { qqlError, type QqlError, type QqlWarning } from './errors'
import { parseSyntax } from './parser'
import { resolveQuery, type ResolvedNode } from './resolve'
import { isTokenVersion, tokenSet, TOKEN_VERSIONS } from './tokens/registry'
import type { Entity } from './tokens/types'

export interface Analysis {
  ast: QqlNode | null
  /** The typed tree; null for an empty query or when there are errors. */
  tree: ResolvedNode | null
  errors: QqlError[]
  warnings: QqlWarning[]
}

export function unknownVersionError(version: number): QqlError | null {
  if (isTokenVersion(version)) return null
  return qqlError(`unknown token version ${version}`, 0, 0, TOKEN_VERSIONS.map(String), `expected one of ${TOKEN_VERSIONS.join(', ')}`)
}

/** Syntax errors and token errors together (the check also runs on what parsed), sorted by position. */
export function analyzeQuery(text: string, entity: Entity, version: number): Analysis {
  const versionError = unknownVersionError(version)
  if (versionError !== null) return { ast: null, tree: null, errors: [versionError], warnings: [] }
  const syntax = parseSyntax(text)
  const resolution = resolveQuery(syntax.ast, tokenSet(entity, version))
  const errors = [...syntax.errors, ...resolution.errors].sort((left, right) => left.start - right.start)
  return { ast: syntax.ast, tree: errors.length > 0 ? null : resolution.tree, errors, warnings: resolution.warnings }
}
