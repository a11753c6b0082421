// Dashboard layout arithmetic (pure): every widget placed once on every saved layout, added widgets below the rest, the
// narrower grids (6 and 1 columns) derived from the 12-column layout until an author arranges them, and such an edit.
import type { DashboardDefinition, LayoutItem } from '@/widgets/dashboard'
import { bottomOf, completeNarrowLayout, GRID_COLUMNS, mapNarrowLayouts, narrowWidth, type Breakpoint, type NarrowLayouts } from '@/widgets/layouts'
import type { Widget } from '@/widgets/schema'

/** A react-grid-layout item. */
export interface GridItem {
  i: string
  x: number
  y: number
  w: number
  h: number
}

const defaultSize = (widget: Widget) => (widget.type === 'count' ? { w: 3, h: 3 } : { w: 6, h: 4 })

/** Every widget placed once: layout items of removed widgets dropped, widgets the layout misses put below the others. */
export function completeLayout(definition: Pick<DashboardDefinition, 'widgets' | 'layout'>): LayoutItem[] {
  const ids = new Set(definition.widgets.map((widget) => widget.id))
  const placed = definition.layout.filter((item) => ids.has(item.widgetId))
  let bottom = bottomOf(placed)
  const missing = definition.widgets.filter((widget) => !placed.some((item) => item.widgetId === widget.id))
  return [
    ...placed,
    ...missing.map((widget) => {
      const item = { widgetId: widget.id, x: 0, y: bottom, ...defaultSize(widget) }
      bottom += item.h
      return item
    }),
  ]
}

/** The 12-column layout and every saved narrower one complete (a widget added or removed in any of them); absent ones stay derived. */
export function completeLayouts(definition: Pick<DashboardDefinition, 'widgets' | 'layout' | 'layouts'>): { layout: LayoutItem[]; layouts: NarrowLayouts } {
  const layout = completeLayout(definition)
  return { layout, layouts: mapNarrowLayouts(definition.layouts, (narrow, breakpoint) => completeNarrowLayout(narrow, layout, GRID_COLUMNS[breakpoint])) }
}

/**
 * The definition with the layout an author arranged at `breakpoint`: the 12-column one replaced, or a narrower one saved
 * (the others stay); `null` forgets a narrower one, so that breakpoint follows the 12-column layout again.
 */
export function withBreakpointLayout<T extends Pick<DashboardDefinition, 'layout' | 'layouts'>>(definition: T, breakpoint: Breakpoint, layout: LayoutItem[] | null): T {
  if (breakpoint === 'lg') return layout ? { ...definition, layout } : definition
  const { [breakpoint]: _old, ...others } = definition.layouts ?? {}
  const layouts: NarrowLayouts = layout ? { ...others, [breakpoint]: layout } : others
  const { layouts: _layouts, ...rest } = definition
  return (Object.keys(layouts).length > 0 ? { ...rest, layouts } : rest) as T
}

/** The draft with `widget` added below everything, or replaced in place when its id is already there. */
export function withWidget(widgets: Widget[], layout: LayoutItem[], widget: Widget, size?: { w: number; h: number }): { widgets: Widget[]; layout: LayoutItem[] } {
  if (widgets.some((one) => one.id === widget.id)) return { widgets: widgets.map((one) => (one.id === widget.id ? widget : one)), layout }
  return { widgets: [...widgets, widget], layout: [...layout, { widgetId: widget.id, x: 0, y: bottomOf(layout), ...(size ?? defaultSize(widget)) }] }
}

/**
 * The layout on a narrower grid of `cols` columns: in reading order, each card half (cards up to 5 of 12 wide) or the
 * full width, rows filled left to right, and the last card of a row stretched over any space left — no holes on a tablet.
 * On one column every card is full width, one under the other.
 */
export function derivedLayout(layout: readonly LayoutItem[], cols: number): GridItem[] {
  const items: GridItem[] = []
  let row: GridItem[] = []
  let x = 0
  let y = 0
  const closeRow = () => {
    const last = row[row.length - 1]
    if (last) last.w += cols - x
    y += Math.max(0, ...row.map((item) => item.h))
    row = []
    x = 0
  }
  for (const item of [...layout].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const w = narrowWidth(item.w, cols)
    if (x + w > cols) closeRow()
    const placed = { i: item.widgetId, x, y, w, h: item.h }
    items.push(placed)
    row.push(placed)
    x += w
  }
  closeRow()
  return items
}
