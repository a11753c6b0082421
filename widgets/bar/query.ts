// Bar widget query: the metric per group (top N, optional "Other"), split by the stack token (top N stack values, then "Other").
import type { BarWidget } from '../schema'
import { groupedQuery } from '../shared/grouped-query'
import type { BuildContext, BuiltQuery } from '../shared/query'

export function barQuery(widget: BarWidget, context: BuildContext): BuiltQuery {
  return groupedQuery(widget, context, { stackBy: widget.stackBy === null ? null : { group: widget.stackBy, limit: widget.stackLimit } })
}
