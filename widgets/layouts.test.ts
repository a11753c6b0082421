// Per-breakpoint layout arithmetic: column counts, the rules a layout may break on each grid, completing a narrower layout.
import { describe, expect, it } from 'vitest'
import { completeNarrowLayout, mapNarrowLayouts, narrowWidth, placementIssues } from './layouts'

const A = '00000000-0000-4000-8000-00000000000a'
const B = '00000000-0000-4000-8000-00000000000b'
const C = '00000000-0000-4000-8000-00000000000c'
const wide = [
  { widgetId: A, x: 0, y: 0, w: 4, h: 3 },
  { widgetId: C, x: 0, y: 3, w: 12, h: 5 },
  { widgetId: B, x: 4, y: 0, w: 8, h: 3 },
]

describe('narrowWidth', () => {
  it('halves cards up to 5 of 12 columns, widens the rest to the full width, and is full width on one column', () => {
    expect([1, 5, 6, 12].map((w) => narrowWidth(w, 6))).toEqual([3, 3, 6, 6])
    expect([1, 12].map((w) => narrowWidth(w, 1))).toEqual([1, 1])
  })
})

describe('placementIssues', () => {
  it('accepts a layout that places every widget once inside the grid', () => {
    expect(placementIssues(wide, [A, B, C], 'lg')).toEqual([])
    expect(placementIssues([{ widgetId: A, x: 3, y: 0, w: 3, h: 2 }], [A], 'md')).toEqual([])
  })

  it('names items of no widget, widgets placed twice or past the edge, and widgets without a place, on that grid', () => {
    const layout = [
      { widgetId: A, x: 4, y: 0, w: 3, h: 2 },
      { widgetId: A, x: 0, y: 2, w: 3, h: 2 },
      { widgetId: C, x: 0, y: 4, w: 6, h: 2 },
    ]
    expect(placementIssues(layout, [A, B], 'md')).toEqual([
      { at: [0, 'x'], message: `widget ${A} reaches past the 6 columns of the 6-column (md) grid (x 4 + w 3)` },
      { at: [1, 'widgetId'], message: `widget ${A} is placed twice on the 6-column (md) grid` },
      { at: [2, 'widgetId'], message: `no widget ${C} on this dashboard` },
      { at: null, message: `widget ${B} has no place on the 6-column (md) grid` },
    ])
    expect(placementIssues([], [A], 'lg')).toEqual([{ at: null, message: `widget ${A} has no place on the grid` }])
  })
})

describe('completeNarrowLayout', () => {
  it('keeps what the author arranged, drops gone and doubled widgets, and puts missing ones below in reading order', () => {
    const narrow = [
      { widgetId: C, x: 0, y: 0, w: 6, h: 4 },
      { widgetId: C, x: 0, y: 4, w: 6, h: 4 },
      { widgetId: 'gone', x: 0, y: 9, w: 6, h: 9 },
    ]
    expect(completeNarrowLayout(narrow, wide, 6)).toEqual([
      { widgetId: C, x: 0, y: 0, w: 6, h: 4 },
      { widgetId: A, x: 0, y: 4, w: 3, h: 3 },
      { widgetId: B, x: 0, y: 7, w: 6, h: 3 },
    ])
    expect(completeNarrowLayout([], wide, 1).map((item) => [item.widgetId, item.y, item.w])).toEqual([[A, 0, 1], [B, 3, 1], [C, 6, 1]])
  })
})

describe('mapNarrowLayouts', () => {
  it('changes only the saved ones; breakpoints without one stay without', () => {
    const md = [{ widgetId: A, x: 0, y: 0, w: 3, h: 3 }]
    expect(mapNarrowLayouts({ md }, (layout, breakpoint) => layout.map((item) => ({ ...item, widgetId: `${breakpoint}-${item.widgetId}` })))).toEqual({ md: [{ ...md[0], widgetId: `md-${A}` }] })
    expect(mapNarrowLayouts(undefined, (layout) => layout)).toEqual({})
  })
})
