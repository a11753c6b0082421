// Pie/donut widget config: each group a slice.
import { z } from 'zod'
import { checkSource, widgetBaseShape, withDefault } from '../shared/schema'

export const pieWidgetSchema = z.object({
  ...widgetBaseShape,
  type: z.literal('pie'),
  donut: withDefault(z.boolean(), false),
})
export type PieWidget = z.infer<typeof pieWidgetSchema>

export function checkPieWidget(widget: PieWidget, ctx: z.RefinementCtx): void {
  checkSource(widget, ctx, { groupBy: 'required', series: ['timeToPatch', 'failedInstalls'] })
  if (widget.metric.kind === 'ratio' || widget.metric.kind === 'avg' || widget.metric.kind === 'median' || widget.metric.kind === 'p90') {
    ctx.addIssue({ code: 'custom', path: ['metric'], message: 'slices of a pie add up: count or distinct count only' })
  }
}
