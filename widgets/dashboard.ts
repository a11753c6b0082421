// A dashboard's definition (widgets apart from their layouts, as Grafana's v2 schema) and its export file: a versioned
// envelope with a marker key; import refuses newer files, migrates older ones, regenerates ids and reports what it dropped.
import { z } from 'zod'
import { completeNarrowLayout, GRID_COLUMNS, gridLabel, NARROW_BREAKPOINTS, placementIssues, type Breakpoint, type NarrowLayouts } from './layouts'
import { dashboardFiltersSchema, widgetSchema, type Widget } from './schema'

export const layoutItemSchema = z.object({
  widgetId: z.uuid(),
  x: z.number().int().min(0).max(11),
  y: z.number().int().min(0).max(10_000),
  w: z.number().int().min(1).max(12),
  h: z.number().int().min(1).max(40),
})
export type LayoutItem = z.infer<typeof layoutItemSchema>

const layoutSchema = z.array(layoutItemSchema).max(60)
/** Layouts an author arranged at a narrower breakpoint (md: 6 columns, xs: 1); a breakpoint without one is derived from `layout`. */
export const narrowLayoutsSchema = z.strictObject({ md: layoutSchema.optional(), xs: layoutSchema.optional() })

export const dashboardDefinitionSchema = z
  .object({
    name: z.string().trim().min(1, 'a dashboard needs a name').max(200),
    description: z.preprocess((v) => (v === null ? undefined : v), z.string().max(2000).default('')),
    widgets: z.array(widgetSchema).max(60),
    /** One item per widget: where it sits on the 12-column grid. */
    layout: layoutSchema,
    /** Optional: one item per widget on each narrower grid the author arranged (components/dashboards/DashboardGrid.tsx). */
    layouts: z.preprocess((v) => (v === null ? undefined : v), narrowLayoutsSchema.optional()),
    filters: z.preprocess((v) => (v === null ? undefined : v), dashboardFiltersSchema.default({ query: '', tags: [] })),
    /** Auto-refresh interval; 0 = off. */
    refreshSeconds: z.preprocess((v) => (v === null ? undefined : v), z.number().int().min(0).max(86_400).default(0)),
  })
  .superRefine((dashboard, ctx) => {
    const ids = new Set<string>()
    dashboard.widgets.forEach((widget, index) => {
      if (ids.has(widget.id)) ctx.addIssue({ code: 'custom', path: ['widgets', index, 'id'], message: `widget id ${widget.id} is used twice` })
      ids.add(widget.id)
    })
    const check = (layout: LayoutItem[], breakpoint: Breakpoint, path: (string | number)[]) => {
      for (const issue of placementIssues(layout, [...ids], breakpoint)) ctx.addIssue({ code: 'custom', path: [...path, ...(issue.at ?? [])], message: issue.message })
    }
    check(dashboard.layout, 'lg', ['layout'])
    for (const breakpoint of NARROW_BREAKPOINTS) {
      const layout = dashboard.layouts?.[breakpoint]
      if (layout) check(layout, breakpoint, ['layouts', breakpoint])
    }
  })
export type DashboardDefinition = z.infer<typeof dashboardDefinitionSchema>

/** The marker key that says "this JSON is a Patchboard dashboard". */
export const EXPORT_MARKER = '$patchboardDashboard'
/**
 * Version of the FILE format (not of the QQL tokens: each widget carries its own `tokenVersion`).
 * 1: each widget carried its grid position (`position: {x, y, w, h}`); 2: widgets and layout apart; 3: optional saved
 * layouts of the narrower breakpoints (`layouts: {md?, xs?}`).
 */
export const EXPORT_FILE_VERSION = 3

export interface DashboardExport {
  [EXPORT_MARKER]: true
  fileVersion: number
  exportedAt: string
  dashboard: DashboardDefinition
}

export function exportDashboard(dashboard: DashboardDefinition, now = new Date()): DashboardExport {
  return { [EXPORT_MARKER]: true, fileVersion: EXPORT_FILE_VERSION, exportedAt: now.toISOString(), dashboard }
}

/** One file-format step: version N's `dashboard` object → version N + 1's. Each step is pure and tested. */
const FILE_MIGRATIONS: Record<number, (dashboard: Record<string, unknown>) => Record<string, unknown>> = {
  1: (dashboard) => {
    const widgets = Array.isArray(dashboard.widgets) ? (dashboard.widgets as Record<string, unknown>[]) : []
    const layout = widgets.map((widget) => ({ widgetId: widget.id, ...(widget.position as object) }))
    return { ...dashboard, widgets: widgets.map(({ position: _position, ...widget }) => widget), layout }
  },
  // A version-2 file has no narrower layouts: every breakpoint below 12 columns stays derived, as it was shown.
  2: (dashboard) => dashboard,
}

export type ImportResult =
  | { ok: true; dashboard: DashboardDefinition; dropped: string[]; migratedFrom: number | null }
  | { ok: false; message: string }

/**
 * Reads an exported file: the marker must be there; a newer file version is refused (this release cannot know what it
 * means); an older one is migrated step by step. Widgets that fail validation and layout items without a widget are
 * dropped and named; every widget gets a new id, so importing twice gives two independent dashboards.
 */
export function importDashboard(file: unknown, newId: () => string = () => crypto.randomUUID()): ImportResult {
  if (file === null || typeof file !== 'object' || (file as Record<string, unknown>)[EXPORT_MARKER] !== true) {
    return { ok: false, message: `not a Patchboard dashboard file (no "${EXPORT_MARKER}": true)` }
  }
  const envelope = file as Record<string, unknown>
  const version = envelope.fileVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, message: 'the file has no valid fileVersion' }
  if (version > EXPORT_FILE_VERSION) {
    return { ok: false, message: `the file is format version ${version}, newer than this Patchboard reads (${EXPORT_FILE_VERSION}): import it into a newer release` }
  }
  let raw = envelope.dashboard
  if (raw === null || typeof raw !== 'object') return { ok: false, message: 'the file has no dashboard' }
  for (let step = version; step < EXPORT_FILE_VERSION; step++) raw = FILE_MIGRATIONS[step](raw as Record<string, unknown>)
  const source = raw as Record<string, unknown>

  const dropped: string[] = []
  const ids = new Map<string, string>()
  const widgets: Widget[] = []
  for (const [index, candidate] of (Array.isArray(source.widgets) ? source.widgets : []).entries()) {
    const parsed = widgetSchema.safeParse(candidate)
    const label = typeof (candidate as { title?: unknown })?.title === 'string' ? `"${(candidate as { title: string }).title}"` : `#${index + 1}`
    if (!parsed.success) {
      dropped.push(`widget ${label}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'widget'}: ${issue.message}`).join('; ')}`)
      continue
    }
    if (ids.has(parsed.data.id)) {
      dropped.push(`widget ${label}: its id appears twice in the file`)
      continue
    }
    const id = newId()
    ids.set(parsed.data.id, id)
    widgets.push({ ...parsed.data, id })
  }
  const layout: LayoutItem[] = []
  for (const candidate of Array.isArray(source.layout) ? source.layout : []) {
    const parsed = layoutItemSchema.safeParse(candidate)
    const id = parsed.success ? ids.get(parsed.data.widgetId) : undefined
    if (!parsed.success || id === undefined || layout.some((item) => item.widgetId === id)) {
      dropped.push(`layout item ${JSON.stringify(candidate)}: no importable widget of its own`)
      continue
    }
    layout.push({ ...parsed.data, widgetId: id })
  }
  // A widget without a place goes below the others.
  let bottom = layout.reduce((max, item) => Math.max(max, item.y + item.h), 0)
  for (const widget of widgets) {
    if (layout.some((item) => item.widgetId === widget.id)) continue
    layout.push({ widgetId: widget.id, x: 0, y: bottom, w: 6, h: 4 })
    bottom += 4
  }
  const layouts = importNarrowLayouts(source.layouts, ids, layout, dropped)
  const parsed = dashboardDefinitionSchema.safeParse({ ...source, widgets, layout, layouts })
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'dashboard'}: ${issue.message}`).join('; ') }
  return { ok: true, dashboard: parsed.data, dropped, migratedFrom: version < EXPORT_FILE_VERSION ? version : null }
}

/**
 * The file's narrower layouts with the new widget ids: items that are invalid, of no imported widget, placed twice or past
 * that grid's edge are dropped and named; the rest is completed below (a layout with nothing left stays derived).
 */
function importNarrowLayouts(candidate: unknown, ids: ReadonlyMap<string, string>, wide: readonly LayoutItem[], dropped: string[]): NarrowLayouts | undefined {
  if (candidate === undefined || candidate === null) return undefined
  if (typeof candidate !== 'object' || Array.isArray(candidate)) {
    dropped.push('the narrower layouts: not an object of breakpoint layouts')
    return undefined
  }
  const layouts: NarrowLayouts = {}
  for (const [name, items] of Object.entries(candidate)) {
    const breakpoint = NARROW_BREAKPOINTS.find((one) => one === name)
    if (breakpoint === undefined || !Array.isArray(items)) {
      dropped.push(`the layout for "${name}": ${breakpoint === undefined ? `this release saves layouts for ${NARROW_BREAKPOINTS.join(' and ')} only` : 'not a list of layout items'}`)
      continue
    }
    const kept: LayoutItem[] = []
    for (const item of items) {
      const parsed = layoutItemSchema.safeParse(item)
      const id = parsed.success ? ids.get(parsed.data.widgetId) : undefined
      const fits = parsed.success && parsed.data.x + parsed.data.w <= GRID_COLUMNS[breakpoint]
      if (!parsed.success || id === undefined || !fits || kept.some((one) => one.widgetId === id)) {
        dropped.push(`${breakpoint} layout item ${JSON.stringify(item)}: ${parsed.success && id !== undefined && !fits ? `past the edge of ${gridLabel(breakpoint)}` : 'no importable widget of its own'}`)
        continue
      }
      kept.push({ ...parsed.data, widgetId: id })
    }
    if (kept.length > 0) layouts[breakpoint] = completeNarrowLayout(kept, wide, GRID_COLUMNS[breakpoint])
  }
  return Object.keys(layouts).length > 0 ? layouts : undefined
}
