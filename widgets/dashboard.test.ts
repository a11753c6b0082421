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
