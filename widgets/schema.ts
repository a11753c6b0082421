// Every widget type's config as one discriminated union on `type` (the widget builder, dashboards and import use it).
import { z } from 'zod'
import { barWidgetSchema, checkBarWidget } from './bar/schema'
import { checkCountWidget, countWidgetSchema } from './count/schema'
import { checkLineWidget, lineWidgetSchema } from './line/schema'
import { checkMultiSeriesWidget, multiSeriesWidgetSchema } from './multi-series/schema'
import { checkPieWidget, pieWidgetSchema } from './pie/schema'
import { checkTableWidget, tableWidgetSchema } from './table/schema'

export * from './shared/schema'
export type { BarWidget } from './bar/schema'
export type { CountWidget } from './count/schema'
export type { LineWidget } from './line/schema'
export type { MultiSeriesWidget } from './multi-series/schema'
export type { PieWidget } from './pie/schema'
export type { TableWidget } from './table/schema'

export const WIDGET_TYPES = ['count', 'bar', 'pie', 'line', 'table', 'multiSeries'] as const
export type WidgetType = (typeof WIDGET_TYPES)[number]

/** A widget's config, validated: each type's fields plus its own rules (which source, group-by, metric it takes). */
export const widgetSchema = z
  .discriminatedUnion('type', [countWidgetSchema, barWidgetSchema, pieWidgetSchema, lineWidgetSchema, tableWidgetSchema, multiSeriesWidgetSchema])
  .superRefine((widget, ctx) => {
    switch (widget.type) {
      case 'count':
        return checkCountWidget(widget, ctx)
      case 'bar':
        return checkBarWidget(widget, ctx)
      case 'pie':
        return checkPieWidget(widget, ctx)
      case 'line':
        return checkLineWidget(widget, ctx)
      case 'table':
        return checkTableWidget(widget, ctx)
      case 'multiSeries':
        return checkMultiSeriesWidget(widget, ctx)
    }
  })
export type Widget = z.infer<typeof widgetSchema>
export type WidgetInput = z.input<typeof widgetSchema>

/** Dashboard-wide filters: a QQL clause in the assets vocabulary and tags, ANDed into every widget's query. */
export const dashboardFiltersSchema = z.object({
  query: z.preprocess((v) => (v === null ? undefined : v), z.string().max(2000).default('')),
  tags: z.preprocess((v) => (v === null ? undefined : v), z.array(z.string().min(1).max(200)).max(50).default([])),
})
export type DashboardFilters = z.infer<typeof dashboardFiltersSchema>
export const NO_FILTERS: DashboardFilters = { query: '', tags: [] }
