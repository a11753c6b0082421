// Count widget query: the metric over every matching row (no group) — with its value as of N days ago when compared —
// or a history series reduced to its latest value.
import { pastRelations, pastStateBranch, withPastValues, type PastBranch } from '../as-of/query'
import { isPastStateEntity, pastQueryProblem, pastStateProblem } from '../as-of/schema'
import { historyBranch } from '../history/query'
import type { CountWidget } from '../schema'
import { aggregateBranch, type AggregateRequest, type Branch, type BuildContext, type BuiltQuery } from '../shared/query'
import { filterText } from '../shared/tokens'

export function countQuery(widget: CountWidget, context: BuildContext): BuiltQuery {
  if (widget.entity === 'history') return historyBranch(widget.series ?? 'compliance', widget.query, widget.days, context)
  const request: AggregateRequest = {
    entity: widget.entity, query: widget.query, source: 'query', series: 0, groupBy: null, stackBy: null, metrics: [widget.metric], limit: 1, sort: widget.sort, other: false,
  }
  // A comparison compiles the query over the past findings and assets too, so its current value reads them, not the rollup.
  const built = aggregateBranch(request, widget.comparisonDaysAgo === null ? context : { ...context, rollupBuild: null })
  if (!built.ok || widget.comparisonDaysAgo === null) return built
  const past = pastBranch(widget, widget.comparisonDaysAgo, request, built.branches[0], context)
  if (!past.ok) return { ...built, notes: [...built.notes, `no comparison with ${widget.comparisonDaysAgo} days ago: ${past.message}`] }
  return { ...built, branches: [withPastValues(built.branches[0], past.branch)] }
}

/** The count as of N days ago, or why it cannot be computed (the widget was checked by its schema; the dashboard filters meet it only here). */
function pastBranch(widget: CountWidget, daysAgo: number, request: AggregateRequest, current: Branch, context: BuildContext): PastBranch {
  const { entity } = widget
  const problem = pastStateProblem(entity, widget.query, widget.metric)
  if (problem !== null || !isPastStateEntity(entity)) return { ok: false, message: problem ?? '' }
  const filters = filterText(context.filters)
  const filtersProblem = filters === '' ? null : pastQueryProblem(entity, filters)
  if (filtersProblem !== null) return { ok: false, message: `in the dashboard filter, ${filtersProblem}` }
  const past = aggregateBranch(request, { ...context, rollupBuild: null, relations: pastRelations(entity, current) })
  if (!past.ok) return { ok: false, message: past.problems.map((problem) => problem.message).join('; ') }
  return { ok: true, branch: pastStateBranch(past.branches[0], { daysAgo, timeZone: context.user.timeZone, prefix: 'h_' }) }
}
