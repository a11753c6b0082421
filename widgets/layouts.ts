// The grid's breakpoints and the arithmetic the definition schema, the import and the grid share: each breakpoint's
// column count, where a layout breaks the rules (unknown, twice, past the edge, missing), and completing a narrower layout.
export const GRID_COLUMNS = { lg: 12, md: 6, xs: 1 } as const
export type Breakpoint = keyof typeof GRID_COLUMNS
/** The breakpoints below the full 12 columns, whose layouts are saved only once an author arranged them there. */
export type NarrowBreakpoint = Exclude<Breakpoint, 'lg'>
export const NARROW_BREAKPOINTS: readonly NarrowBreakpoint[] = ['md', 'xs']

/** A widget's place on one breakpoint's grid. */
export interface Placement {
  widgetId: string
  x: number
  y: number
  w: number
  h: number
}
export type NarrowLayouts = Partial<Record<NarrowBreakpoint, Placement[]>>

/** How a breakpoint's grid is named in messages: the 12-column one is "the grid", as it always was. */
export const gridLabel = (breakpoint: Breakpoint) => (breakpoint === 'lg' ? 'the grid' : `the ${GRID_COLUMNS[breakpoint]}-column (${breakpoint}) grid`)

export const bottomOf = (layout: readonly Placement[]) => layout.reduce((max, item) => Math.max(max, item.y + item.h), 0)

/** A card's width on a narrower grid, from its 12-column width: half (up to 5 of 12) or the full width; full on one column. */
export const narrowWidth = (wideWidth: number, cols: number) => (cols === 1 || wideWidth > 5 ? cols : Math.max(1, Math.floor(cols / 2)))

export interface PlacementIssue {
  /** Where: the item's index and field in the layout, or null for the layout as a whole (a widget without a place). */
  at: [index: number, field: 'widgetId' | 'x'] | null
  message: string
}

/** What is wrong with a layout on one breakpoint: items of no widget, widgets placed twice or past the right edge, widgets without a place. */
export function placementIssues(layout: readonly Placement[], widgetIds: readonly string[], breakpoint: Breakpoint): PlacementIssue[] {
  const cols = GRID_COLUMNS[breakpoint]
  const ids = new Set(widgetIds)
  const placed = new Set<string>()
  const issues: PlacementIssue[] = []
  layout.forEach((item, index) => {
    if (!ids.has(item.widgetId)) issues.push({ at: [index, 'widgetId'], message: `no widget ${item.widgetId} on this dashboard` })
    if (placed.has(item.widgetId)) issues.push({ at: [index, 'widgetId'], message: `widget ${item.widgetId} is placed twice on ${gridLabel(breakpoint)}` })
    if (item.x + item.w > cols) issues.push({ at: [index, 'x'], message: `widget ${item.widgetId} reaches past the ${cols} columns of ${gridLabel(breakpoint)} (x ${item.x} + w ${item.w})` })
    placed.add(item.widgetId)
  })
  for (const id of widgetIds) if (!placed.has(id)) issues.push({ at: null, message: `widget ${id} has no place on ${gridLabel(breakpoint)}` })
  return issues
}

/**
 * A saved narrower layout made whole against the 12-column one: items of widgets no longer there (or placed twice) dropped,
 * widgets it misses put below the rest, in the wide layout's reading order, at their narrow width and wide height.
 */
export function completeNarrowLayout(narrow: readonly Placement[], wide: readonly Placement[], cols: number): Placement[] {
  const ids = new Set(wide.map((item) => item.widgetId))
  const seen = new Set<string>()
  const kept: Placement[] = []
  for (const item of narrow) {
    if (!ids.has(item.widgetId) || seen.has(item.widgetId)) continue
    seen.add(item.widgetId)
    kept.push(item)
  }
  let bottom = bottomOf(kept)
  const missing = [...wide].filter((item) => !seen.has(item.widgetId)).sort((a, b) => a.y - b.y || a.x - b.x)
  return [
    ...kept,
    ...missing.map((item) => {
      const placed = { widgetId: item.widgetId, x: 0, y: bottom, w: narrowWidth(item.w, cols), h: item.h }
      bottom += item.h
      return placed
    }),
  ]
}

/** Each saved narrower layout through `change`; breakpoints without one stay without (derived). */
export function mapNarrowLayouts(layouts: NarrowLayouts | undefined, change: (layout: Placement[], breakpoint: NarrowBreakpoint) => Placement[]): NarrowLayouts {
  const next: NarrowLayouts = {}
  for (const breakpoint of NARROW_BREAKPOINTS) {
    const layout = layouts?.[breakpoint]
    if (layout) next[breakpoint] = change(layout, breakpoint)
  }
  return next
}
