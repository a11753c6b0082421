// Dashboard layout arithmetic: every widget placed once on every saved layout, new widgets below the rest, the 6- and
// 1-column tablet/phone grids derived until arranged, and an author's arrangement of one breakpoint.
import { describe, expect, it } from 'vitest'
import { DEFAULT_DASHBOARD, DEFAULT_WIDGETS } from '@/widgets/defaults'
import { completeLayout, completeLayouts, derivedLayout, withBreakpointLayout, withWidget } from './layout'

const count = DEFAULT_WIDGETS.assetsMissingCritical
const bar = DEFAULT_WIDGETS.missingBySeverity

describe('completeLayout', () => {
  it('keeps a complete layout as it is', () => {
    expect(completeLayout(DEFAULT_DASHBOARD)).toEqual(DEFAULT_DASHBOARD.layout)
  })

  it('places widgets the layout misses below everything, and drops items of widgets that are gone', () => {
    const layout = completeLayout({ widgets: [count, bar], layout: [{ widgetId: count.id, x: 0, y: 0, w: 3, h: 3 }, { widgetId: 'gone', x: 3, y: 0, w: 3, h: 9 }] })
    expect(layout).toEqual([
      { widgetId: count.id, x: 0, y: 0, w: 3, h: 3 },
      { widgetId: bar.id, x: 0, y: 3, w: 6, h: 4 },
    ])
  })
})

describe('completeLayouts', () => {
  it('completes every saved narrower layout against the 12-column one, and leaves unsaved ones derived', () => {
    const md = [{ widgetId: bar.id, x: 0, y: 0, w: 6, h: 2 }, { widgetId: 'removed', x: 0, y: 2, w: 6, h: 2 }]
    const layouts = completeLayouts({ widgets: [count, bar], layout: [{ widgetId: count.id, x: 0, y: 0, w: 3, h: 3 }], layouts: { md } })
    expect(layouts.layout).toEqual([{ widgetId: count.id, x: 0, y: 0, w: 3, h: 3 }, { widgetId: bar.id, x: 0, y: 3, w: 6, h: 4 }])
    // The count card (3 of 12) comes below the arranged bar card at half of the 6 columns.
    expect(layouts.layouts).toEqual({ md: [{ widgetId: bar.id, x: 0, y: 0, w: 6, h: 2 }, { widgetId: count.id, x: 0, y: 2, w: 3, h: 3 }] })
    expect(completeLayouts(DEFAULT_DASHBOARD).layouts).toEqual({})
  })
})

describe('withBreakpointLayout', () => {
  const md = [{ widgetId: bar.id, x: 0, y: 0, w: 6, h: 2 }]
  const xs = [{ widgetId: bar.id, x: 0, y: 0, w: 1, h: 5 }]

  it('saves the arranged breakpoint and leaves the others as they are', () => {
    const wide = DEFAULT_DASHBOARD.layout
    const once = withBreakpointLayout(DEFAULT_DASHBOARD, 'md', md)
    expect(once.layout).toBe(wide)
    expect(once.layouts).toEqual({ md })
    const twice = withBreakpointLayout(once, 'xs', xs)
    expect(twice.layouts).toEqual({ md, xs })
    const moved = [{ ...wide[0], y: 20 }, ...wide.slice(1)]
    expect(withBreakpointLayout(twice, 'lg', moved)).toEqual({ ...twice, layout: moved })
  })

  it('forgets a narrower layout on null (that breakpoint follows the wide one again), leaving no empty map behind', () => {
    const both = withBreakpointLayout(withBreakpointLayout(DEFAULT_DASHBOARD, 'md', md), 'xs', xs)
    expect(withBreakpointLayout(both, 'md', null).layouts).toEqual({ xs })
    expect(withBreakpointLayout(withBreakpointLayout(both, 'md', null), 'xs', null)).toEqual(DEFAULT_DASHBOARD)
    expect(withBreakpointLayout(DEFAULT_DASHBOARD, 'lg', null)).toBe(DEFAULT_DASHBOARD)
  })
})

describe('withWidget', () => {
  it('adds a new widget under the lowest card, at the size given', () => {
    const next = withWidget([count], [{ widgetId: count.id, x: 0, y: 2, w: 3, h: 3 }], bar, { w: 12, h: 5 })
    expect(next.widgets.map((widget) => widget.id)).toEqual([count.id, bar.id])
    expect(next.layout[1]).toEqual({ widgetId: bar.id, x: 0, y: 5, w: 12, h: 5 })
  })

  it('replaces an edited widget in place and leaves the layout alone', () => {
    const layout = [{ widgetId: bar.id, x: 6, y: 0, w: 6, h: 3 }]
    const next = withWidget([bar], layout, { ...bar, title: 'Renamed' })
    expect(next.widgets).toEqual([{ ...bar, title: 'Renamed' }])
    expect(next.layout).toBe(layout)
  })
})

describe('derivedLayout', () => {
  it('on 6 columns: narrow cards side by side, wide ones full width, rows without holes, nothing past the edge', () => {
    const six = derivedLayout(DEFAULT_DASHBOARD.layout, 6)
    const at = (id: string) => six.find((item) => item.i === id)
    expect(six).toHaveLength(DEFAULT_DASHBOARD.layout.length)
    expect(at(DEFAULT_WIDGETS.assetsMissingCritical.id)).toMatchObject({ x: 0, y: 0, w: 3 })
    expect(at(DEFAULT_WIDGETS.missingVsInstalled.id)).toMatchObject({ x: 3, y: 0, w: 3 })
    expect(at(DEFAULT_WIDGETS.missingBySeverity.id)).toMatchObject({ x: 0, y: 3, w: 6 })
    // Assets by OS (4 of 12) is followed by a full-width card: it takes the whole row rather than leave half empty.
    expect(at(DEFAULT_WIDGETS.assetsByOs.id)).toMatchObject({ x: 0, w: 6 })
    for (const item of six) expect(item.x + item.w).toBeLessThanOrEqual(6)
    const rows = new Map<number, number>()
    for (const item of six) rows.set(item.y, (rows.get(item.y) ?? 0) + item.w)
    expect([...rows.values()].every((width) => width === 6)).toBe(true)
  })

  it('stacks every card full width on one column, in reading order', () => {
    const one = derivedLayout(DEFAULT_DASHBOARD.layout, 1)
    expect(one.every((item) => item.x === 0 && item.w === 1)).toBe(true)
    expect(one.slice(0, 3).map((item) => item.i)).toEqual([DEFAULT_WIDGETS.assetsMissingCritical.id, DEFAULT_WIDGETS.missingVsInstalled.id, DEFAULT_WIDGETS.missingBySeverity.id])
    expect(one[1].y).toBe(one[0].h)
  })
})
