// Bar/column widget config: groups as bars, optionally stacked by a second group; or a history series as bars.
import { z } from 'zod'
import { checkSource, groupBySchema, widgetBaseShape, withDefault } from '../shared/schema'

export const DEFAULT_STACK_LIMIT = 5
export const MAX_STACK_LIMIT = 20
const stackLimitMessage = `stack segments shown is a whole number from 1 to ${MAX_STACK_LIMIT}`

export const barWidgetSchema = z.object({
  ...widgetBaseShape,
  type: z.literal('bar'),
  orientation: withDefault(z.enum(['vertical', 'horizontal']), 'vertical'),
  /** A second group: each bar is split into one segment per value of this token. */
  stackBy: withDefault(groupBySchema.nullable(), null),
  /** Stack values shown as their own segment (the top N by their total across the chart); the rest form one "Other" segment. */
  stackLimit: withDefault(z.number({ error: stackLimitMessage }).int(stackLimitMessage).min(1, stackLimitMessage).max(MAX_STACK_LIMIT, stackLimitMessage), DEFAULT_STACK_LIMIT),
})
export type BarWidget = z.infer<typeof barWidgetSchema>

export function checkBarWidget(widget: BarWidget, ctx: z.RefinementCtx): void {
  checkSource(widget, ctx, { groupBy: 'required' })
  if (widget.stackBy !== null && widget.entity === 'history') ctx.addIssue({ code: 'custom', path: ['stackBy'], message: 'a history series has its own grouping' })
}
