// Bar/column widget config: groups as bars, optionally stacked by a second group; or a history series as bars.
import { z } from 'zod'
import { checkSource, groupBySchema, widgetBaseShape, withDefault } from '../shared/schema'

export const barWidgetSchema = z.object({
  ...widgetBaseShape,
  type: z.literal('bar'),
  orientation: withDefault(z.enum(['vertical', 'horizontal']), 'vertical'),
  /** A second group: each bar is split into one segment per value of this token. */
  stackBy: withDefault(groupBySchema.nullable(), null),
})
export type BarWidget = z.infer<typeof barWidgetSchema>

export function checkBarWidget(widget: BarWidget, ctx: z.RefinementCtx): void {
  checkSource(widget, ctx, { groupBy: 'required' })
  if (widget.stackBy !== null && widget.entity === 'history') ctx.addIssue({ code: 'custom', path: ['stackBy'], message: 'a history series has its own grouping' })
  if (widget.stackBy !== null && widget.other) ctx.addIssue({ code: 'custom', path: ['other'], message: 'a stacked bar chart has no "Other" bucket' })
}
