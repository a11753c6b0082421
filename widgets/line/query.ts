// Line widget query: the metric per date bucket in the viewer's time zone, or a history series.
import type { LineWidget } from '../schema'
import { groupedQuery } from '../shared/grouped-query'
import type { BuildContext, BuiltQuery } from '../shared/query'

export function lineQuery(widget: LineWidget, context: BuildContext): BuiltQuery {
  return groupedQuery(widget, context)
}
