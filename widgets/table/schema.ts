// Table widget config: top N groups with several metrics as columns.
import { z } from 'zod'
import { checkSource, metricSchema, widgetBaseShape, withDefault } from '../shared/schema'

export const tableWidgetSchema = z.object({
  ...widgetBaseShape,
  type: z.literal('table'),
  /** More columns after `metric` (the first column, which the rows are sorted by). */
  columns: withDefault(z.array(z.object({ label: z.string().trim().min(1).max(100), metric: metricSchema })).max(5), []),
  /** Heading of the `metric` column. */
  metricLabel: withDefault(z.string().trim().min(1).max(100), 'Count'),
})
export type TableWidget = z.infer<typeof tableWidgetSchema>

export function checkTableWidget(widget: TableWidget, ctx: z.RefinementCtx): void {
  checkSource(widget, ctx, { groupBy: 'required' })
  if (widget.entity === 'history' && widget.columns.length > 0) ctx.addIssue({ code: 'custom', path: ['columns'], message: 'a history series has its own columns' })
}
