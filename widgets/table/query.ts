// Table widget query: per group, the widget's metric followed by each extra column's metric.
import type { TableWidget } from '../schema'
import { groupedQuery } from '../shared/grouped-query'
import type { BuildContext, BuiltQuery } from '../shared/query'

export function tableQuery(widget: TableWidget, context: BuildContext): BuiltQuery {
  return groupedQuery(widget, context, { metrics: [widget.metric, ...widget.columns.map((column) => column.metric)] })
}
