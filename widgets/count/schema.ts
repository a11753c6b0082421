// Count widget config: one number (optionally "812 of 2,000 = 41 %"), threshold colours, comparison with N days ago.
import { z } from 'zod'
import { pastStateProblem } from '../as-of/schema'
import { checkSource, widgetBaseShape, withDefault, type WidgetEntity } from '../shared/schema'

/** History series whose value on a day is a state (so "N days ago" means something). */
export const COMPARABLE_SERIES = ['compliance', 'missingBySeverity'] as const

/** Whether a count of this source can show "vs N days ago" at all: a state history series, or a count of assets or findings. */
export function canCompare(source: { entity: WidgetEntity; series: string | null }): boolean {
  return source.entity === 'history' ? (COMPARABLE_SERIES as readonly string[]).includes(source.series ?? '') : source.entity !== 'patches'
}

export const countWidgetSchema = z.object({
  ...widgetBaseShape,
  type: z.literal('count'),
  /** `ratio`: the numerator and denominator of a ratio metric shown as "812 of 2,000 = 41 %". */
  representation: withDefault(z.enum(['number', 'ratio']), 'number'),
  /**
   * Show the change since the end of the day this many days ago: from a state history series, or for a count of
   * assets or findings from the finding events (widgets/as-of/query.ts).
   */
  comparisonDaysAgo: withDefault(z.number().int().min(1).max(365).nullable(), null),
  /** Whether an increase is good news (green) — e.g. compliance — or bad (red), e.g. missing findings. */
  increaseIsGood: withDefault(z.boolean(), false),
})
export type CountWidget = z.infer<typeof countWidgetSchema>

export function checkCountWidget(widget: CountWidget, ctx: z.RefinementCtx): void {
  checkSource(widget, ctx, { groupBy: 'none', series: ['compliance', 'missingBySeverity', 'failedInstalls'] })
  if (widget.representation === 'ratio' && widget.metric.kind !== 'ratio') {
    ctx.addIssue({ code: 'custom', path: ['representation'], message: 'the ratio representation needs a ratio metric' })
  }
  if (widget.comparisonDaysAgo === null) return
  if (widget.entity === 'history') {
    if (!canCompare(widget)) ctx.addIssue({ code: 'custom', path: ['comparisonDaysAgo'], message: `a comparison needs a history series of ${COMPARABLE_SERIES.join(' or ')}` })
    if (widget.comparisonDaysAgo >= widget.days) ctx.addIssue({ code: 'custom', path: ['comparisonDaysAgo'], message: 'compare within the history window (fewer days ago than `days`)' })
    return
  }
  const problem = pastStateProblem(widget.entity, widget.query, widget.metric, widget.tokenVersion)
  if (problem !== null) ctx.addIssue({ code: 'custom', path: ['comparisonDaysAgo'], message: `no comparison: ${problem}` })
}
