// What running a widget returns (rows in the combined statement's shape, or why there is no data); browser-safe types.
import type { QueryProblem } from './shared/query'

/** One row of the combined statement: series, group key, stack/series key, metric values (null: no value, e.g. avg of nothing). */
export interface ResultRow {
  s: number
  k1: string
  k2: string
  v: (number | null)[]
}

export interface RebuildReason {
  /** The clause or token as written, and as the current token version writes it ('' when it cannot be rebuilt). */
  from: string
  to: string
  message: string
}

export type WidgetResult =
  | { status: 'ok'; widgetId: string; rows: ResultRow[]; notes: string[]; computedAt: string; cached: boolean }
  /** Written against an older token version whose tokens changed: shown as a card with the reasons and "Rebuild". */
  | { status: 'needsRebuild'; widgetId: string; reasons: RebuildReason[] }
  /** Cannot be rebuilt automatically (e.g. a removed token): the reasons say what to write instead. */
  | { status: 'broken'; widgetId: string; reasons: RebuildReason[] }
  /** The query, group-by or metric does not compile (positions are in the widget's own query text). */
  | { status: 'invalid'; widgetId: string; problems: QueryProblem[] }
  /** The engine refused the widget's query (the other widgets of the render are unaffected). */
  | { status: 'failed'; widgetId: string; message: string }

export type { QueryProblem }
