// Multi-series widget config: several QQL queries of one entity, each a series of one chart over the same group-by.
import { z } from 'zod'
import { checkSource, qqlText, widgetBaseShape, withDefault } from '../shared/schema'

export const multiSeriesWidgetSchema = z.object({
  ...widgetBaseShape,
  type: z.literal('multiSeries'),
  chart: withDefault(z.enum(['bar', 'line']), 'bar'),
  /** Each series: its label and a query ANDed with the widget's own `query`. */
  seriesQueries: z.array(z.object({ label: z.string().trim().min(1).max(100), query: qqlText })).min(1, 'add a series').max(8),
})
export type MultiSeriesWidget = z.infer<typeof multiSeriesWidgetSchema>

export function checkMultiSeriesWidget(widget: MultiSeriesWidget, ctx: z.RefinementCtx): void {
  checkSource(widget, ctx, { groupBy: 'required' })
  if (widget.entity === 'history') ctx.addIssue({ code: 'custom', path: ['entity'], message: 'series of a multi-series widget are queries of assets, patches or findings' })
  if (widget.other) ctx.addIssue({ code: 'custom', path: ['other'], message: 'a multi-series chart has no "Other" bucket' })
}
