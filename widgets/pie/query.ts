// Pie widget query: the metric per group (top N, optional "Other").
import type { PieWidget } from '../schema'
import { groupedQuery } from '../shared/grouped-query'
import type { BuildContext, BuiltQuery } from '../shared/query'

export function pieQuery(widget: PieWidget, context: BuildContext): BuiltQuery {
  return groupedQuery(widget, context)
}
