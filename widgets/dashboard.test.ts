// Dashboard definitions and their export file: marker, file version apart from token version, migration, ids, drops.
import { describe, expect, it } from 'vitest'
import { dashboardDefinitionSchema, EXPORT_FILE_VERSION, EXPORT_MARKER, exportDashboard, importDashboard } from './dashboard'
import { DEFAULT_DASHBOARD, DEMO_V1_DASHBOARD } from './defaults'

let counter = 0
const newId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`

describe('dashboard definitions', () => {
  it('the shipped dashboards are valid: every widget placed once on the grid', () => {
    expect(dashboardDefinitionSchema.safeParse(DEFAULT_DASHBOARD).success).toBe(true)
    expect(dashboardDefinitionSchema.safeParse(DEMO_V1_DASHBOARD).success).toBe(true)
    const unplaced = dashboardDefinitionSchema.safeParse({ ...DEFAULT_DASHBOARD, layout: DEFAULT_DASHBOARD.layout.slice(1) })
    expect(unplaced.success ? '' : unplaced.error.issues[0].message).toMatch(/has no place on the grid/)
  })

  it('takes saved narrower layouts, each widget placed once within that grid\'s columns, and says which rule one breaks', () => {
    const [a, b] = DEMO_V1_DASHBOARD.widgets
    const md = DEMO_V1_DASHBOARD.widgets.map((widget, index) => ({ widgetId: widget.id, x: (index % 2) * 3, y: Math.floor(index / 2) * 3, w: 3, h: 3 }))
    const xs = DEMO_V1_DASHBOARD.widgets.map((widget, index) => ({ widgetId: widget.id, x: 0, y: index * 3, w: 1, h: 3 }))
    expect(dashboardDefinitionSchema.parse({ ...DEMO_V1_DASHBOARD, layouts: { md, xs } }).layouts).toEqual({ md, xs })
    expect(dashboardDefinitionSchema.parse({ ...DEMO_V1_DASHBOARD, layouts: null }).layouts).toBeUndefined()
    const messages = (layouts: unknown) => {
      const parsed = dashboardDefinitionSchema.safeParse({ ...DEMO_V1_DASHBOARD, layouts })
      return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    }
    expect(messages({ md: [{ ...md[0], x: 4 }, ...md.slice(1)] })).toEqual([`layouts.md.0.x: widget ${a.id} reaches past the 6 columns of the 6-column (md) grid (x 4 + w 3)`])
    expect(messages({ xs: [...xs, { ...xs[1], y: 30 }] })).toEqual([`layouts.xs.5.widgetId: widget ${b.id} is placed twice on the 1-column (xs) grid`])
    expect(messages({ md: md.slice(1) })).toEqual([`layouts.md: widget ${a.id} has no place on the 6-column (md) grid`])
    expect(messages({ sm: md })[0]).toMatch(/^layouts: Unrecognized key/)
  })
})

describe('export and import', () => {
  it('round-trips with new widget ids, the layout following them, token versions kept', () => {
    const file = JSON.parse(JSON.stringify(exportDashboard(DEMO_V1_DASHBOARD, new Date('2026-01-01T00:00:00Z'))))
    expect(file).toMatchObject({ [EXPORT_MARKER]: true, fileVersion: EXPORT_FILE_VERSION, exportedAt: '2026-01-01T00:00:00.000Z' })
    const imported = importDashboard(file, newId)
    if (!imported.ok) throw new Error(imported.message)
    expect(imported.dropped).toEqual([])
    const ids = imported.dashboard.widgets.map((widget) => widget.id)
    expect(ids.some((id) => DEMO_V1_DASHBOARD.widgets.some((widget) => widget.id === id))).toBe(false)
    expect(imported.dashboard.layout.map((item) => ids.indexOf(item.widgetId))).toEqual([0, 1, 4, 2, 3])
    expect(imported.dashboard.widgets.map((widget) => widget.tokenVersion)).toEqual(DEMO_V1_DASHBOARD.widgets.map((widget) => widget.tokenVersion))
  })

  it('refuses a file that is not a dashboard, or of a newer format', () => {
    expect(importDashboard({ dashboard: {} })).toEqual({ ok: false, message: `not a Patchboard dashboard file (no "${EXPORT_MARKER}": true)` })
    const newer = { ...exportDashboard(DEFAULT_DASHBOARD), fileVersion: EXPORT_FILE_VERSION + 1 }
    expect(importDashboard(newer)).toMatchObject({ ok: false, message: expect.stringContaining('newer than this Patchboard reads') })
  })

  it('keeps the narrower layouts through export and import, on the new widget ids', () => {
    const md = DEMO_V1_DASHBOARD.widgets.map((widget, index) => ({ widgetId: widget.id, x: index % 2 === 0 ? 0 : 3, y: index * 2, w: 3, h: 2 }))
    const file = JSON.parse(JSON.stringify(exportDashboard({ ...DEMO_V1_DASHBOARD, layouts: { md } })))
    const imported = importDashboard(file, newId)
    if (!imported.ok) throw new Error(imported.message)
    expect(imported.dropped).toEqual([])
    const newIdOf = new Map(DEMO_V1_DASHBOARD.widgets.map((widget, index) => [widget.id, imported.dashboard.widgets[index].id]))
    expect(imported.dashboard.layouts).toEqual({ md: md.map((item) => ({ ...item, widgetId: newIdOf.get(item.widgetId) })) })
  })

  it('drops narrower layout items it cannot place and completes the rest below; an unknown breakpoint is named', () => {
    // Three cards side by side in the first row: 3, 3 and 6 of 12 columns wide.
    const layout = DEFAULT_DASHBOARD.layout.slice(0, 3)
    const [first, second, third] = layout.map((item) => DEFAULT_DASHBOARD.widgets.find((widget) => widget.id === item.widgetId)!)
    const file = {
      ...exportDashboard(DEFAULT_DASHBOARD),
      dashboard: {
        ...DEFAULT_DASHBOARD,
        widgets: [first, second, third],
        layout,
        layouts: {
          md: [{ widgetId: second.id, x: 0, y: 0, w: 6, h: 2 }, { widgetId: first.id, x: 4, y: 2, w: 3, h: 2 }, { widgetId: 'not-a-widget', x: 0, y: 4, w: 1, h: 1 }],
          xs: 'nonsense',
          sm: [],
        },
      },
    }
    const imported = importDashboard(file, newId)
    if (!imported.ok) throw new Error(imported.message)
    const [a, b, c] = imported.dashboard.widgets.map((widget) => widget.id)
    // The first card (3 of 12 wide) and the third (6 of 12) come below the kept one at their derived widths.
    expect(imported.dashboard.layouts).toEqual({ md: [{ widgetId: b, x: 0, y: 0, w: 6, h: 2 }, { widgetId: a, x: 0, y: 2, w: 3, h: 3 }, { widgetId: c, x: 0, y: 5, w: 6, h: 3 }] })
    expect(imported.dropped).toEqual([
      expect.stringMatching(/^md layout item .*"x":4.*: past the edge of the 6-column \(md\) grid$/),
      expect.stringMatching(/^md layout item .*not-a-widget.*: no importable widget of its own$/),
      'the layout for "xs": not a list of layout items',
      'the layout for "sm": this release saves layouts for md and xs only',
    ])
  })

  it('migrates a format-2 file (no narrower layouts): every narrower grid stays derived', () => {
    const v2 = { ...exportDashboard(DEFAULT_DASHBOARD), fileVersion: 2 }
    const imported = importDashboard(JSON.parse(JSON.stringify(v2)), newId)
    if (!imported.ok) throw new Error(imported.message)
    expect(imported.migratedFrom).toBe(2)
    expect(imported.dashboard.layouts).toBeUndefined()
    expect(imported.dashboard.layout).toHaveLength(DEFAULT_DASHBOARD.layout.length)
  })

  it('migrates a format-1 file (positions inside the widgets) and reports what it dropped', () => {
    const [first, second] = DEFAULT_DASHBOARD.widgets
    const v1 = {
      [EXPORT_MARKER]: true,
      fileVersion: 1,
      dashboard: {
        name: 'Old file',
        widgets: [
          { ...first, position: { x: 0, y: 0, w: 4, h: 3 } },
          { ...second, type: 'gauge', position: { x: 4, y: 0, w: 4, h: 3 } },
          { ...second, id: '11111111-2222-4333-8444-555555555555', position: { x: 8, y: 0, w: 4, h: 3 } },
        ],
      },
    }
    const imported = importDashboard(v1, newId)
    if (!imported.ok) throw new Error(imported.message)
    expect(imported.migratedFrom).toBe(1)
    expect(imported.dashboard.widgets.map((widget) => widget.title)).toEqual([first.title, second.title])
    expect(imported.dashboard.layout.map(({ x, w }) => [x, w])).toEqual([[0, 4], [8, 4]])
    expect(imported.dropped).toHaveLength(2)
    expect(imported.dropped[0]).toMatch(new RegExp(`^widget "${second.title}": type:`))
    expect(imported.dropped[1]).toMatch(/^layout item .*no importable widget/)
  })
})
