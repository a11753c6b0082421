// A widget's SQL branches for the viewer, after checking its token version (an outdated widget is not run, it is rebuilt).
import { barQuery } from './bar/query'
import { countQuery } from './count/query'
import { lineQuery } from './line/query'
import { multiSeriesQuery } from './multi-series/query'
import { pieQuery } from './pie/query'
import { rebuildWidget } from './rebuild'
import type { WidgetResult } from './result'
import type { Widget } from './schema'
import type { BuildContext, BuiltQuery } from './shared/query'
import { viewerTimeZone } from './shared/tokens'
import { tableQuery } from './table/query'

export type WidgetPlan = { ok: true; widget: Widget; built: Extract<BuiltQuery, { ok: true }> } | { ok: false; result: WidgetResult }

function queryOf(widget: Widget, context: BuildContext): BuiltQuery {
  switch (widget.type) {
    case 'count':
      return countQuery(widget, context)
    case 'bar':
      return barQuery(widget, context)
    case 'pie':
      return pieQuery(widget, context)
    case 'line':
      return lineQuery(widget, context)
    case 'table':
      return tableQuery(widget, context)
    case 'multiSeries':
      return multiSeriesQuery(widget, context)
  }
}

/**
 * What the engine must run for a widget, or the card to show instead: a widget whose tokens changed since its version
 * shows "Rebuild" with the reasons (never a blank chart); one whose query does not compile shows the positioned errors.
 */
export function planWidget(widget: Widget, context: BuildContext): WidgetPlan {
  const rebuilt = rebuildWidget(widget)
  if (rebuilt.outcome === 'rebuilt') return { ok: false, result: { status: 'needsRebuild', widgetId: widget.id, reasons: rebuilt.changes } }
  if (rebuilt.outcome === 'notRebuildable') return { ok: false, result: { status: 'broken', widgetId: widget.id, reasons: rebuilt.reasons } }
  const current = rebuilt.after
  // An unknown zone reads as UTC everywhere (the compiler's rule), never as an engine error.
  const built = queryOf(current, { ...context, user: { ...context.user, timeZone: viewerTimeZone(context.user.timeZone) } })
  if (!built.ok) return { ok: false, result: { status: 'invalid', widgetId: widget.id, problems: built.problems } }
  return { ok: true, widget: current, built }
}
