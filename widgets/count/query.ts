// Count widget query: the metric over every matching row (no group), or a history series reduced to its latest value.
import type { CountWidget } from '../schema'
import { historyBranch } from '../history/query'
import { aggregateBranch, type BuildContext, type BuiltQuery } from '../shared/query'

export function countQuery(widget: CountWidget, context: BuildContext): BuiltQuery {
  if (widget.entity === 'history') return historyBranch(widget.series ?? 'compliance', widget.query, widget.days, context)
  return aggregateBranch(
    { entity: widget.entity, query: widget.query, source: 'query', series: 0, groupBy: null, stackBy: null, metrics: [widget.metric], limit: 1, sort: widget.sort, other: false },
    context,
  )
}
