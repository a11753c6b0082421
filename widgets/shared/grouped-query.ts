// The query of a single-series grouped widget (bar, pie, line, table): a history series, or the metric per group.
import type { Metric, Widget } from '../schema'
import { historyBranch } from '../history/query'
import { aggregateBranch, type AggregateRequest, type BuildContext, type BuiltQuery } from './query'

export function groupedQuery(widget: Widget, context: BuildContext, extra: { stackBy?: AggregateRequest['stackBy']; metrics?: readonly Metric[] } = {}): BuiltQuery {
  if (widget.entity === 'history') return historyBranch(widget.series ?? 'compliance', widget.query, widget.days, context)
  return aggregateBranch(
    {
      entity: widget.entity,
      query: widget.query,
      source: 'query',
      series: 0,
      groupBy: widget.groupBy,
      stackBy: extra.stackBy ?? null,
      metrics: extra.metrics ?? [widget.metric],
      limit: widget.limit,
      sort: widget.sort,
      other: widget.other,
    },
    context,
  )
}
