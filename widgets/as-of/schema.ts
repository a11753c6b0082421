// Which list queries can be evaluated as of a past day (a count's "vs N days ago"): the tokens with history and the refusals.
import { clausesOf } from '@/lib/qql/ast'
import { CURRENT_TOKEN_VERSION, parseQql } from '@/lib/qql/browser'
import type { ListEntity, Metric, WidgetEntity } from '../shared/schema'
import { tokenFor } from '../shared/tokens'

/** The lists whose state on a past day can be rebuilt from finding events (the patch catalog keeps no history). */
export const PAST_STATE_ENTITIES = ['assets', 'findings'] as const
export type PastStateEntity = (typeof PAST_STATE_ENTITIES)[number]

/**
 * Fields (token names without their `asset.` / `patch.` prefix) whose value on a past day is not known, and why. Every
 * other token is either a finding's state (status, first seen) or the asset's counts — rebuilt from the events — or an
 * asset or patch attribute, taken as it is now.
 */
const NO_HISTORY: Readonly<Record<string, string>> = {
  scanDateTime: "the asset's last scan time is known only as it is now",
  scanStatus: "it is computed from the asset's last scan time, known only as it is now",
  scanOverdue: "it is computed from the asset's last scan time, known only as it is now",
  licensed: 'the licence allocation is known only as it is now',
  installedDate: 'the install date of a past state is not kept in the history',
}
/** Measures computed from the present moment or a date without history. */
const DERIVED_MEASURES_WITHOUT_HISTORY = new Set(['daysSinceScan', 'daysMissing', 'daysSincePublished'])

const fieldOf = (tokenName: string) => tokenName.replace(/^(asset|patch)\./, '')

export function isPastStateEntity(entity: WidgetEntity): entity is PastStateEntity {
  return (PAST_STATE_ENTITIES as readonly string[]).includes(entity)
}

function tokenProblem(entity: ListEntity, name: string, version: number): string | null {
  const token = tokenFor(entity, name, version)
  const reason = NO_HISTORY[fieldOf(token?.id ?? name)]
  return reason === undefined ? null : `\`${name}\` has no history (${reason}), so its value N days ago cannot be computed`
}

/** Why `query` cannot be evaluated as of a past day (the first token without history), or null. Parse errors are left to the query's own check. */
export function pastQueryProblem(entity: ListEntity, query: string, version = CURRENT_TOKEN_VERSION): string | null {
  const parsed = parseQql(query, { entity, version })
  if (parsed.errors.length > 0) return null
  for (const clause of clausesOf(parsed.ast)) {
    const problem = tokenProblem(entity, clause.token.name, version)
    if (problem !== null) return problem
  }
  return null
}

/** Why a count of `entity` over `query` with `metric` cannot be compared with N days ago, or null when it can. */
export function pastStateProblem(entity: WidgetEntity, query: string, metric: Metric, version = CURRENT_TOKEN_VERSION): string | null {
  if (!isPastStateEntity(entity)) return `a comparison with N days ago needs a count of ${PAST_STATE_ENTITIES.join(' or ')} (the patch catalog keeps no history) or a history series`
  const own = pastQueryProblem(entity, query, version)
  if (own !== null) return own
  switch (metric.kind) {
    case 'count':
      return null
    case 'ratio':
      return pastQueryProblem(entity, metric.numerator, version)
    case 'distinctCount':
      return tokenProblem(entity, metric.token, version)
    case 'avg':
    case 'median':
    case 'p90':
      if (DERIVED_MEASURES_WITHOUT_HISTORY.has(metric.measure)) return `the measure \`${metric.measure}\` is computed from the present moment, so its value N days ago cannot be computed`
      return tokenProblem(entity, metric.measure, version)
  }
}
