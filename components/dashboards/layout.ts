// Dashboard layout arithmetic (pure): every widget placed once, added widgets below the rest, and the narrower grids
// (6 and 1 columns) derived from the saved 12-column layout.
import type { DashboardDefinition, LayoutItem } from '@/widgets/dashboard'
import type { Widget } from '@/widgets/schema'

/** A react-grid-layout item. */
export interface GridItem {
  i: string
  x: number
  y: number
  w: number
  h: number
}

const bottomOf = (layout: readonly LayoutItem[]) => layout.reduce((max, item) => Math.max(max, item.y + item.h), 0)
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
    const w = cols === 1 || item.w > 5 ? cols : Math.max(1, Math.floor(cols / 2))
    if (x + w > cols) closeRow()
    const placed = { i: item.widgetId, x, y, w, h: item.h }
    items.push(placed)
    row.push(placed)
    x += w
  }
  closeRow()
  return items
}
