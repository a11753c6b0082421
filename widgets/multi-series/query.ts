// Multi-series widget query: one branch per series query (widget query AND series query), all over the same group-by.
import type { MultiSeriesWidget } from '../schema'
import { aggregateBranch, type Branch, type BuildContext, type BuiltQuery, type QueryProblem } from '../shared/query'

export function multiSeriesQuery(widget: MultiSeriesWidget, context: BuildContext): BuiltQuery {
  const entity = widget.entity === 'history' ? 'assets' : widget.entity
  const branches: Branch[] = []
  const problems: QueryProblem[] = []
  const notes = new Set<string>()
  widget.seriesQueries.forEach((series, index) => {
    const query = [widget.query, series.query].filter((text) => text.trim() !== '').map((text) => `(${text})`).join(' AND ')
    const built = aggregateBranch(
      { entity, query, source: `seriesQueries.${index}`, series: index, groupBy: widget.groupBy, stackBy: null, metrics: [widget.metric], limit: widget.limit, sort: widget.sort, other: false },
      context,
    )
    if (!built.ok) problems.push(...built.problems)
    else {
      branches.push(...built.branches)
      built.notes.forEach((note) => notes.add(note))
    }
  })
  return problems.length > 0 ? { ok: false, problems } : { ok: true, branches, notes: [...notes] }
}
