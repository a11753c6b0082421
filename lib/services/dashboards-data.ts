// What a dashboard shows and how it moves: every widget's result in the viewer's scope (one runWidgets call), the live
// preview of one widget, "Rebuild widgets" (one dashboard or all, with a dry run), and export / import of the JSON file.
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { invalid } from '@/lib/errors'
import { listAllDashboards, newestScanInScope, type DashboardRecord } from '@/lib/repositories/dashboards'
import { readVersions } from '@/lib/repositories/estate-rollup'
import { runWidgets } from '@/lib/dashboards/run'
import { exportDashboard, importDashboard, type DashboardExport } from '@/widgets/dashboard'
import { rebuildWidgets, type RebuildOutcome } from '@/widgets/rebuild'
import type { RebuildReason, WidgetResult } from '@/widgets/result'
import { dashboardFiltersSchema, widgetSchema, type DashboardFilters, type Widget } from '@/widgets/schema'
import {
  assertRevision,
  fileSlug,
  createDashboardRecord,
  editableDashboard,
  readDefinition,
  replaceDefinition,
  serialisedChange,
  viewableDashboard,
  viewOf,
  type DashboardView,
} from './dashboards'

const flag = z.preprocess((v) => (v === null ? undefined : v), z.enum(['0', '1', 'true', 'false']).optional()).transform((v) => v === '1' || v === 'true')

/** `filters` (a QQL clause over assets) and `tags` (comma-separated) replace the dashboard's saved filters when present. */
export const dashboardDataQuery = z.object({
  filters: z.string().max(2000).optional(),
  tags: z.string().max(10_000).optional(),
  refresh: flag,
})
export const widgetPreviewBody = z.object({ widget: widgetSchema, filters: z.preprocess((v) => (v === null ? undefined : v), dashboardFiltersSchema.optional()) })
export const rebuildDashboardBody = z.object({
  /** Report what would change without saving (the UI shows the diff first). */
  dryRun: z.preprocess((v) => (v === null ? undefined : v), z.boolean().default(false)),
  /** Only these widgets ("Rebuild" on one card); all of the dashboard's by default. */
  widgetIds: z.preprocess((v) => (v === null ? undefined : v), z.array(z.uuid()).max(60).optional()),
  /** The revision the author sees: a save in between refuses the rebuild (409). */
  revision: z.preprocess((v) => (v === null ? undefined : v), z.number().int().min(1).optional()),
})
export const rebuildAllBody = rebuildDashboardBody.pick({ dryRun: true })
/** The body of an import is the exported file itself (importDashboard checks its marker and version). */
export const dashboardImportBody = z.unknown()

export interface DashboardData {
  dashboardId: string
  revision: number
  filters: DashboardFilters
  /** When these results were asked for, and the newest scan of an asset in the viewer's scope (data freshness). */
  refreshedAt: string
  newestScanAt: string | null
  results: WidgetResult[]
}

/** The filters a render uses: the URL's `filters` / `tags` where given, else the dashboard's saved ones. */
export function filtersFrom(query: z.infer<typeof dashboardDataQuery>, saved: DashboardFilters): DashboardFilters {
  const tags = query.tags === undefined ? saved.tags : query.tags.split(',').map((tag) => tag.trim()).filter(Boolean)
  return dashboardFiltersSchema.parse({ query: query.filters ?? saved.query, tags })
}

const freshnessHolder = globalThis as typeof globalThis & { patchboardFreshness?: Map<string, Promise<string | null>> }

/** The newest scan in a scope, remembered per data version (which every scan advances), so a warm render asks nothing. */
function newestScanFor(db: Database, scope: SessionUser['scope'], dataVersion: string): Promise<string | null> {
  const memo = (freshnessHolder.patchboardFreshness ??= new Map())
  const key = `${dataVersion}|${scope.all ? '*' : [...scope.tags].sort().join('\u0000')}`
  if (memo.size > 1_000) memo.clear()
  let found = memo.get(key)
  if (found === undefined) {
    found = newestScanInScope(db, scope)
    found.catch(() => memo.delete(key))
    memo.set(key, found)
  }
  return found
}

/** Every widget's result, in the order of the definition, in the VIEWER's tag scope; widget problems are results, not errors. */
export async function dashboardData(db: Database, user: SessionUser, id: string, query: z.infer<typeof dashboardDataQuery>): Promise<DashboardData> {
  const record = await viewableDashboard(db, user, id)
  const { definition, unreadable } = readDefinition(record)
  const filters = filtersFrom(query, definition.filters)
  const versions = await readVersions(db)
  const [results, newestScanAt] = await Promise.all([
    runWidgets(db, definition.widgets, { user, filters, refresh: query.refresh, rollup: 'auto', versions }),
    newestScanFor(db, user.scope, versions.data),
  ])
  const invalid: WidgetResult[] = unreadable.map((widget) => ({
    status: 'invalid', widgetId: widget.widgetId, problems: [{ source: 'widget', message: `this release cannot read the widget "${widget.title}": ${widget.message}` }],
  }))
  return { dashboardId: record.id, revision: record.revision, filters, refreshedAt: new Date().toISOString(), newestScanAt, results: [...results, ...invalid] }
}

/** The live preview of the widget builder: one widget's result on real data in the author's scope. */
export async function previewWidget(db: Database, user: SessionUser, body: z.infer<typeof widgetPreviewBody>): Promise<WidgetResult> {
  const [result] = await runWidgets(db, [body.widget], { user, filters: body.filters, rollup: 'auto' })
  return result
}

/** One widget's line of a rebuild report. */
export type WidgetRebuildReport =
  | { widgetId: string; title: string; outcome: 'rebuilt'; changes: RebuildReason[]; before: Widget; after: Widget }
  | { widgetId: string; title: string; outcome: 'unchanged' }
  /** `reasons` say why, and what to write instead. */
  | { widgetId: string; title: string; outcome: 'notRebuildable'; reasons: RebuildReason[] }

export interface DashboardRebuildReport {
  dashboardId: string
  name: string
  /** False on a dry run, or when nothing changed. */
  saved: boolean
  revision: number
  widgets: WidgetRebuildReport[]
}

function reportLine(widgetId: string, title: string, outcome: RebuildOutcome): WidgetRebuildReport {
  if (outcome.outcome === 'rebuilt') return { widgetId, title, outcome: 'rebuilt', changes: outcome.changes, before: outcome.before, after: outcome.after }
  if (outcome.outcome === 'notRebuildable') return { widgetId, title, outcome: 'notRebuildable', reasons: outcome.reasons }
  return { widgetId, title, outcome: 'unchanged' }
}

/** Rebuilds (some of) a dashboard's widgets; saves when anything changed, unless it is a dry run. Runs under the dashboard's lock. */
async function rebuildRecord(db: Database, user: SessionUser, record: DashboardRecord, options: { dryRun: boolean; widgetIds?: string[] }): Promise<DashboardRebuildReport> {
  const { definition } = readDefinition(record)
  const chosen = new Set(options.widgetIds ?? definition.widgets.map((widget) => widget.id))
  const unknown = [...chosen].filter((widgetId) => !definition.widgets.some((widget) => widget.id === widgetId))
  if (unknown.length > 0) throw invalid('UNKNOWN_WIDGET', `This dashboard has no widget ${unknown.join(', ')}.`, { widgetIds: unknown })
  const targets = definition.widgets.filter((widget) => chosen.has(widget.id))
  const { widgets: rebuilt, report } = rebuildWidgets(targets)
  const replaced = new Map(rebuilt.map((widget) => [widget.id, widget]))
  const widgets = definition.widgets.map((widget) => replaced.get(widget.id) ?? widget)
  const changed = JSON.stringify(widgets) !== JSON.stringify(definition.widgets)
  const lines = report.map(({ widgetId, title, outcome }) => reportLine(widgetId, title, outcome))
  if (options.dryRun || !changed) return { dashboardId: record.id, name: record.name, saved: false, revision: record.revision, widgets: lines }
  const saved = await replaceDefinition(db, user, record, { ...definition, widgets }, 'dashboard.rebuild')
  return { dashboardId: record.id, name: record.name, saved: true, revision: saved.revision, widgets: lines }
}

export async function rebuildDashboard(db: Database, user: SessionUser, id: string, body: z.infer<typeof rebuildDashboardBody>): Promise<DashboardRebuildReport> {
  return serialisedChange(id, async () => {
    const record = await editableDashboard(db, user, id)
    // The same 409 as a save: a change someone made since the author's dry run is not rebuilt over unseen.
    assertRevision(record, body.revision)
    return rebuildRecord(db, user, record, { dryRun: body.dryRun, widgetIds: body.widgetIds })
  })
}

/** "Rebuild widgets" on every dashboard (Administrators; the route authorizes dashboards.editAny). */
export async function rebuildAllDashboards(db: Database, user: SessionUser, body: z.infer<typeof rebuildAllBody>): Promise<{ dashboards: DashboardRebuildReport[] }> {
  const reports: DashboardRebuildReport[] = []
  for (const { id } of await listAllDashboards(db)) {
    reports.push(await serialisedChange(id, async () => rebuildRecord(db, user, await editableDashboard(db, user, id), { dryRun: body.dryRun })))
  }
  return { dashboards: reports }
}

/** The dashboard as a versioned export file. */
export async function exportDashboardFile(db: Database, user: SessionUser, id: string): Promise<{ file: DashboardExport; filename: string }> {
  const record = await viewableDashboard(db, user, id)
  return { file: exportDashboard(readDefinition(record).definition), filename: `${fileSlug(record.name)}.dashboard.json` }
}

export interface ImportReport {
  dashboard: DashboardView
  /** The file's format version when it was older and migrated, else null. */
  migratedFrom: number | null
  /** What the import left out, and why (widgets this release cannot read, layout items without a widget). */
  dropped: string[]
}

/** A new private dashboard of the caller from an export file: ids regenerated, newer files refused, older ones migrated. */
export async function importDashboardFile(db: Database, user: SessionUser, file: unknown): Promise<ImportReport> {
  const result = importDashboard(file)
  if (!result.ok) throw invalid('IMPORT_REFUSED', `Cannot import this file: ${result.message}.`)
  const record = await createDashboardRecord(db, user, user, result.dashboard, false, 'dashboard.import')
  return { dashboard: await viewOf(db, user, record), migratedFrom: result.migratedFrom, dropped: result.dropped }
}
