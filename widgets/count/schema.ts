// Count widget config: one number (optionally "812 of 2,000 = 41 %"), threshold colours, comparison with N days ago.
import { z } from 'zod'
import { checkSource, widgetBaseShape, withDefault } from '../shared/schema'

/** History series whose value on a day is a state (so "N days ago" means something). */
export const COMPARABLE_SERIES = ['compliance', 'missingBySeverity'] as const

export const countWidgetSchema = z.object({
  ...widgetBaseShape,
  type: z.literal('count'),
  /** `ratio`: the numerator and denominator of a ratio metric shown as "812 of 2,000 = 41 %". */
  representation: withDefault(z.enum(['number', 'ratio']), 'number'),
  /** History widgets of a state series: show the change since this many days ago. */
  comparisonDaysAgo: withDefault(z.number().int().min(1).max(365).nullable(), null),
})
export type CountWidget = z.infer<typeof countWidgetSchema>

export function checkCountWidget(widget: CountWidget, ctx: z.RefinementCtx): void {
  checkSource(widget, ctx, { groupBy: 'none', series: ['compliance', 'missingBySeverity', 'failedInstalls'] })
  if (widget.representation === 'ratio' && widget.metric.kind !== 'ratio') {
    ctx.addIssue({ code: 'custom', path: ['representation'], message: 'the ratio representation needs a ratio metric' })
  }
  if (widget.comparisonDaysAgo !== null && !(widget.entity === 'history' && (COMPARABLE_SERIES as readonly string[]).includes(widget.series ?? ''))) {
    ctx.addIssue({ code: 'custom', path: ['comparisonDaysAgo'], message: `a comparison needs a history series of ${COMPARABLE_SERIES.join(' or ')}` })
  }
  if (widget.comparisonDaysAgo !== null && widget.comparisonDaysAgo >= widget.days) {
    ctx.addIssue({ code: 'custom', path: ['comparisonDaysAgo'], message: 'compare within the history window (fewer days ago than `days`)' })
  }
}
