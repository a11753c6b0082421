// Drill-down (pure): a clicked bar, slice, point, row or count → the list and the QQL that shows exactly its rows:
// widget query AND dashboard filters AND the clicked group; the "Other" bucket is "none of the shown groups".
import { CURRENT_TOKEN_VERSION, parseQql, printQuery, type QqlNode } from '@/lib/qql/browser'
import { rebuildWidget } from './rebuild'
import type { DashboardFilters, GroupBy, ListEntity, Widget } from './schema'
import { OTHER_KEY, type Grid } from './shared/data'
import type { PointDrill } from './shared/options'
import { checkGroupBy, conditions } from './shared/tokens'

export interface DrillTarget {
  list: ListEntity
  /** Current-version QQL (the list opens it without `v`). */
  query: string
  tokenVersion: number
  /** `/assets?q=…` etc. */
  href: string
  /**
   * Whether the list's total is the number the widget showed: true for counts of rows; a distinct count, a statistic
   * or a percentage opens the rows behind the number (for a ratio count: the numerator's rows, e.g. the 812 of 2,000).
   */
  totalEqualsValue: boolean
}

/** `token: \`value\`` — exact, case-sensitive equality (any element, for a list token). */
function exact(token: string, value: string): string {
  return `${token}: \`${value.replace(/[`\\]/g, '\\$&')}\``
}

const DAY_MS = 86_400_000

/** The QQL clause selecting one group of `groupBy`; for OTHER_KEY, none of `shown`. */
export function groupClause(entity: ListEntity, groupBy: GroupBy, key: string, shown: readonly string[]): string | null {
  const check = checkGroupBy(entity, groupBy)
  if (!check.ok) return null
  const token = groupBy.token
  if (key === OTHER_KEY) {
    const others = shown.filter((candidate) => candidate !== OTHER_KEY)
    if (others.length === 0) return null
    // A date group is a day, week or month range each (a week's key is its Monday).
    if (check.token.type === 'date') return `NOT (${others.map((value) => groupClause(entity, groupBy, value, [])).join(' OR ')})`
    return `NOT ${token}: [${others.map((value) => `\`${value.replace(/[`\\]/g, '\\$&')}\``).join(', ')}]`
  }
  if (check.token.type === 'boolean') return `${token}: ${key}`
  if (check.token.type === 'date') {
    if (check.bucket !== 'week') return `${token}: ${key}`
    const sunday = new Date(Date.parse(`${key}T00:00:00Z`) + 6 * DAY_MS).toISOString().slice(0, 10)
    return `${token}: [${key} .. ${sunday}]`
  }
  return exact(token, key)
}

function parsed(text: string, entity: ListEntity): QqlNode | null {
  const result = parseQql(text, { entity })
  return result.errors.length === 0 ? result.ast : null
}

/**
 * Where a click leads, or null when it leads nowhere: history series (a past day has no current list), a widget that
 * needs rebuilding first, or a click on nothing. `click` is the clicked point's `drill` data (null for a count widget).
 */
export function drillDown(widget: Widget, filters: DashboardFilters, click: PointDrill | null, grid: Grid): DrillTarget | null {
  if (widget.entity === 'history') return null
  const rebuilt = rebuildWidget(widget)
  if (rebuilt.outcome !== 'unchanged') return null
  const current = rebuilt.after
  const entity = widget.entity
  const clauses: string[] = []
  let totalEqualsValue = current.metric.kind === 'count'
  if (current.type === 'multiSeries' && click !== null) clauses.push(current.seriesQueries[Number(click.series)]?.query ?? '')
  if (current.type === 'count' && current.metric.kind === 'ratio') {
    clauses.push(current.metric.numerator)
    totalEqualsValue = current.representation === 'ratio'
  } else if (current.metric.kind === 'ratio') {
    totalEqualsValue = false
  }
  if (current.groupBy !== null && click !== null) {
    if (!checkGroupBy(entity, current.groupBy).ok) return null
    // Null only for "Other" when no group is shown: then every row is in it.
    const clause = groupClause(entity, current.groupBy, click.key, grid.keys)
    if (clause !== null) clauses.push(clause)
  }
  if (current.type === 'bar' && current.stackBy !== null && click !== null) {
    // The "Other" segment: none of the stack values shown as their own segment.
    const clause = groupClause(entity, current.stackBy, click.series, grid.series.map((series) => series.key))
    if (clause !== null) clauses.push(clause)
  }
  const extra = clauses.filter((text) => text.trim() !== '').map((text) => parsed(text, entity))
  if (extra.some((node) => node === null)) return null
  const combined = conditions(entity, current.query, filters, extra as QqlNode[])
  if (!combined.ok) return null
  const query = printQuery(combined.ast)
  return { list: entity, query, tokenVersion: CURRENT_TOKEN_VERSION, href: `/${entity}?q=${encodeURIComponent(query)}`, totalEqualsValue }
}
