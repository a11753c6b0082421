'use client'
// The dashboard's grid (react-grid-layout 2): the saved 12-column layout on wide screens, derived 6- and 1-column layouts on
// tablets and phones; dragging (by the card's title bar) and resizing only in edit mode, and only on the 12-column layout.
import { useMemo, useState, type ReactNode } from 'react'
import { ResponsiveGridLayout, useContainerWidth, type Layout } from 'react-grid-layout'
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

export function DashboardGrid({ layout, editing, onLayoutChange, ready, children }: Props) {
  const { width, containerRef, mounted } = useContainerWidth({ initialWidth: 1012 })
  const [breakpoint, setBreakpoint] = useState<Breakpoint>('lg')
  const layouts = useMemo(
    () => ({
      lg: layout.map((item) => ({ i: item.widgetId, x: item.x, y: item.y, w: item.w, h: item.h, minW: 2, minH: 2 })),
      md: derivedLayout(layout, COLS.md),
      xs: derivedLayout(layout, COLS.xs),
    }),
    [layout],
  )
  const editable = editing && breakpoint === 'lg'

  function changed(current: Layout) {
    if (!editable) return
    const next = current.map((item) => ({ widgetId: item.i, x: item.x, y: item.y, w: item.w, h: item.h }))
    const same = next.length === layout.length && next.every((item) => layout.some((old) => old.widgetId === item.widgetId && old.x === item.x && old.y === item.y && old.w === item.w && old.h === item.h))
    if (!same) onLayoutChange(next)
  }

  return (
    <div ref={containerRef} className={editing ? 'dashboard-grid editing' : 'dashboard-grid'} data-testid="dashboard-grid" data-dashboard-ready={ready ? 'true' : 'false'} data-breakpoint={breakpoint}>
      {editing && breakpoint !== 'lg' && (
        <p className="hint" role="status">
          Cards can be moved and resized on a window at least {BREAKPOINTS.lg + 60} px wide; here they follow the wide layout.
        </p>
      )}
      {mounted && (
        <ResponsiveGridLayout
          width={width}
          layouts={layouts}
          breakpoints={BREAKPOINTS}
          cols={COLS}
          rowHeight={ROW_HEIGHT}
          margin={MARGIN}
          containerPadding={[0, 0]}
          dragConfig={{ enabled: editable, handle: '.widget-head', cancel: 'button, a, input' }}
          resizeConfig={{ enabled: editable, handles: ['se'] }}
          onBreakpointChange={(next) => setBreakpoint(next as Breakpoint)}
          onLayoutChange={(current) => changed(current)}
        >
          {children.map((child) => (
            <div key={child.id} className="dashboard-cell" data-testid="dashboard-cell">
              {child.node}
            </div>
          ))}
        </ResponsiveGridLayout>
      )}
    </div>
  )
}
