// Line/trend widget config: a date token bucketed by day/week/month, or a history series over the last N days.
import { z } from 'zod'
import { checkSource, widgetBaseShape, withDefault } from '../shared/schema'

export const lineWidgetSchema = z.object({
  ...widgetBaseShape,
  type: z.literal('line'),
  area: withDefault(z.boolean(), false),
})
export type LineWidget = z.infer<typeof lineWidgetSchema>

export function checkLineWidget(widget: LineWidget, ctx: z.RefinementCtx): void {
  checkSource(widget, ctx, { groupBy: 'required', series: ['compliance', 'missingBySeverity', 'failedInstalls', 'publishedVsInstalled'] })
  if (widget.entity !== 'history' && widget.groupBy !== null && widget.groupBy.bucket === null) {
    ctx.addIssue({ code: 'custom', path: ['groupBy', 'bucket'], message: 'a trend groups a date token by day, week or month' })
  }
}
