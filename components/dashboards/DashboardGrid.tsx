'use client'
// The dashboard's grid (react-grid-layout 2): 12 columns on wide screens, 6 on tablets, 1 on phones (by the container's
// width), each with its saved layout or, until an author arranges it, one derived from the 12-column layout; in edit mode
// cards are dragged (by a card's title bar) and resized at whichever breakpoint the window is at, and only that layout changes.
import { useMemo, type ReactNode } from 'react'
import ReactGridLayout, { useContainerWidth, type EventCallback, type Layout } from 'react-grid-layout'
import 'react-grid-layout/css/styles.css'
import 'react-resizable/css/styles.css'
import type { LayoutItem } from '@/widgets/dashboard'
import { GRID_COLUMNS, type Breakpoint, type NarrowLayouts } from '@/widgets/layouts'
import { derivedLayout } from './layout'

/** Container widths (px) from which each breakpoint's columns apply. */
const BREAKPOINTS: Record<Breakpoint, number> = { lg: 900, md: 560, xs: 0 }
const ROW_HEIGHT = 76
const MARGIN: [number, number] = [16, 16]

interface Props {
  /** The complete 12-column layout, and the saved (complete) narrower ones. */
  layout: LayoutItem[]
  layouts: NarrowLayouts
  editing: boolean
  /** An author arranged `breakpoint`'s layout (null: a narrower one should follow the 12-column layout again). */
  onLayoutChange: (breakpoint: Breakpoint, layout: LayoutItem[] | null) => void
  /** Set on the grid element: the server-side renderer waits for "true" (docs/dashboards.md). */
  ready: boolean
  children: { id: string; node: ReactNode }[]
}

/** The breakpoint of a container width: 12 columns on wide screens, 6 on tablets, 1 on phones. */
function breakpointFor(width: number): Breakpoint {
  return width >= BREAKPOINTS.lg ? 'lg' : width >= BREAKPOINTS.md ? 'md' : 'xs'
}

const toItems = (layout: readonly LayoutItem[]) => layout.map((item) => ({ i: item.widgetId, x: item.x, y: item.y, w: item.w, h: item.h }))
const samePlace = (a: Layout[number] | null, b: Layout[number] | null) => a !== null && b !== null && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h

export function DashboardGrid({ layout, layouts, editing, onLayoutChange, ready, children }: Props) {
  const { width, containerRef, mounted } = useContainerWidth({ initialWidth: 1012 })
  // The breakpoint is chosen here, not inside the grid: each column count gets a grid of its own (keyed) that never mixes
  // layouts, and a narrower layout is saved only once the author changed it there (not when the grid compacts it).
  const breakpoint = breakpointFor(width)
  const cols = GRID_COLUMNS[breakpoint]
  const saved = breakpoint === 'lg' ? layout : layouts[breakpoint]
  const items = useMemo(
    () => (saved ? toItems(saved) : derivedLayout(layout, cols)).map((item) => ({ ...item, minW: Math.min(2, cols), minH: 2 })),
    [saved, layout, cols],
  )

  /** The end of a drag or a resize: the whole grid as it now stands becomes this breakpoint's layout, if the card moved. */
  const arranged: EventCallback = (current, before, after) => {
    if (samePlace(before, after)) return
    onLayoutChange(breakpoint, current.map((item) => ({ widgetId: item.i, x: item.x, y: item.y, w: item.w, h: item.h })))
  }

  return (
    <div
      ref={containerRef}
      className={editing ? 'dashboard-grid editing' : 'dashboard-grid'}
      data-testid="dashboard-grid"
      data-dashboard-ready={ready ? 'true' : 'false'}
      data-breakpoint={breakpoint}
      data-layout={saved ? 'saved' : 'derived'}
    >
      {editing && breakpoint !== 'lg' && (
        <p className="hint" aria-live="polite" data-testid="layout-hint">
          You are arranging the {cols}-column layout of narrow windows; the wide (12-column) layout stays as it is.{' '}
          {saved ? (
            <button type="button" className="secondary small" onClick={() => onLayoutChange(breakpoint, null)}>
              Follow the wide layout here
            </button>
          ) : (
            'It follows the wide layout until you move or resize a card here.'
          )}
        </p>
      )}
      {mounted && (
        <ReactGridLayout
          key={cols}
          width={width}
          layout={items}
          gridConfig={{ cols, rowHeight: ROW_HEIGHT, margin: MARGIN, containerPadding: [0, 0] }}
          dragConfig={{ enabled: editing, handle: '.widget-head', cancel: 'button, a, input' }}
          resizeConfig={{ enabled: editing, handles: ['se'] }}
          onDragStop={arranged}
          onResizeStop={arranged}
        >
          {children.map((child) => (
            <div key={child.id} className="dashboard-cell" data-testid="dashboard-cell">
              {child.node}
            </div>
          ))}
        </ReactGridLayout>
      )}
    </div>
  )
}
