'use client'
// The dashboard's grid (react-grid-layout 2): the saved 12-column layout on wide screens, derived 6- and 1-column layouts
// on tablets and phones (by the container's width); dragging (by a card's title bar) and resizing in edit mode, on 12 columns.
import { useMemo, type ReactNode } from 'react'
import ReactGridLayout, { useContainerWidth, type Layout } from 'react-grid-layout'
import 'react-grid-layout/css/styles.css'
import 'react-resizable/css/styles.css'
import type { LayoutItem } from '@/widgets/dashboard'
import { derivedLayout } from './layout'

/** Container widths (px) where the column count changes; only `lg` (12 columns) is the saved, editable layout. */
export const BREAKPOINTS = { lg: 900, md: 560, xs: 0 } as const
const COLS = { lg: 12, md: 6, xs: 1 } as const
type Breakpoint = keyof typeof BREAKPOINTS
const ROW_HEIGHT = 76
const MARGIN: [number, number] = [16, 16]

interface Props {
  layout: LayoutItem[]
  editing: boolean
  onLayoutChange: (layout: LayoutItem[]) => void
  /** Set on the grid element: the server-side renderer waits for "true" (docs/dashboards.md). */
  ready: boolean
  children: { id: string; node: ReactNode }[]
}

/** The column count for a container width: the saved 12 columns on wide screens, 6 on tablets, 1 on phones. */
export function columnsFor(width: number): number {
  return width >= BREAKPOINTS.lg ? COLS.lg : width >= BREAKPOINTS.md ? COLS.md : COLS.xs
}

export function DashboardGrid({ layout, editing, onLayoutChange, ready, children }: Props) {
  const { width, containerRef, mounted } = useContainerWidth({ initialWidth: 1012 })
  // The breakpoint is chosen here, not inside the grid: only the 12-column layout is saved, so only it may be edited,
  // and each column count gets a grid of its own (keyed) that never mixes layouts.
  const cols = columnsFor(width)
  const items = useMemo(
    () => (cols === COLS.lg ? layout.map((item) => ({ i: item.widgetId, x: item.x, y: item.y, w: item.w, h: item.h, minW: 2, minH: 2 })) : derivedLayout(layout, cols)),
    [layout, cols],
  )
  const editable = editing && cols === COLS.lg
  const breakpoint = (Object.keys(COLS) as Breakpoint[]).find((name) => COLS[name] === cols)!

  function changed(current: Layout) {
    if (!editable) return
    const next = current.map((item) => ({ widgetId: item.i, x: item.x, y: item.y, w: item.w, h: item.h }))
    const same = next.length === layout.length && next.every((item) => layout.some((old) => old.widgetId === item.widgetId && old.x === item.x && old.y === item.y && old.w === item.w && old.h === item.h))
    if (!same) onLayoutChange(next)
  }

  return (
    <div ref={containerRef} className={editing ? 'dashboard-grid editing' : 'dashboard-grid'} data-testid="dashboard-grid" data-dashboard-ready={ready ? 'true' : 'false'} data-breakpoint={breakpoint}>
      {editing && !editable && (
        <p className="hint" role="status">
          Cards can be moved and resized where the dashboard has all 12 columns (a wider window); here they follow that layout.
        </p>
      )}
      {mounted && (
        <ReactGridLayout
          key={cols}
          width={width}
          layout={items}
          gridConfig={{ cols, rowHeight: ROW_HEIGHT, margin: MARGIN, containerPadding: [0, 0] }}
          dragConfig={{ enabled: editable, handle: '.widget-head', cancel: 'button, a, input' }}
          resizeConfig={{ enabled: editable, handles: ['se'] }}
          onLayoutChange={changed}
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
