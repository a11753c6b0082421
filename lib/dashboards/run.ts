// Renders a dashboard's widgets: checks versions, serves cached results, runs everything else as ONE engine statement.
import type { Database } from '@/clickhouse/client'
import type { QqlUser } from '@/lib/qql'
import { readDataVersion } from '@/lib/repositories/data-version'
import { readVersions, type Versions } from '@/lib/repositories/estate-rollup'
import { queryWidgetBranches, type WidgetBranch } from '@/lib/repositories/widget-data'
import { planWidget } from '@/widgets/build'
import type { ResultRow, WidgetResult } from '@/widgets/result'
import { NO_FILTERS, type DashboardFilters, type Widget } from '@/widgets/schema'
import { prefixParams, type Branch } from '@/widgets/shared/query'
import { resultCacheKey, sharedWidgetCache, type WidgetResultCache } from './cache'
import { duringRender, wantEstateRollup } from './rollup-builds'

export interface RunWidgetsOptions {
  /** The viewer: widgets always compute in the viewer's tag scope and time zone. */
  user: QqlUser
  filters?: DashboardFilters
  /** "Refresh": compute again, ignoring (and then replacing) cached results. */
  refresh?: boolean
  /** Default: the process-wide cache. */
  cache?: WidgetResultCache
  /** Default: read from the database (one unparameterised query). */
  dataVersion?: string
  /**
   * The estate rollup (lib/repositories/estate-rollup.ts): with 'auto' the widgets it answers read it while it is the
   * current data version's, and a render that finds it behind starts rebuilding it in the background (and computes from
   * the findings and events meanwhile). Default 'off': always from the findings and events.
   */
  rollup?: 'auto' | 'off'
  /** With rollup 'auto': the versions, if already read (default: read with the data version, one query). */
  versions?: Versions
}

interface Pending {
  index: number
  key: string
  widget: Widget
  branches: Branch[]
  notes: string[]
  resolve: (result: WidgetResult) => void
}

/**
 * Results of `widgets` in order, for one viewer. Cached results cost nothing; identical concurrent renders share one
 * execution; the rest run together as one UNION ALL statement (the embedded engine runs parameterised statements one at
 * a time process-wide, so one statement per render instead of one per widget). Widget problems (outdated tokens, a
 * query that does not compile, a failing query) come back as that widget's result, never as an exception.
 */
export function runWidgets(db: Database, widgets: readonly Widget[], options: RunWidgetsOptions): Promise<WidgetResult[]> {
  return duringRender(() => render(db, widgets, options))
}

async function render(db: Database, widgets: readonly Widget[], options: RunWidgetsOptions): Promise<WidgetResult[]> {
  const filters = options.filters ?? NO_FILTERS
  const cache = options.cache ?? sharedWidgetCache()
  const { dataVersion, rollupBuild } = await versionsFor(db, options)
  const context = { user: options.user, filters, rollupBuild }
  const results: Promise<WidgetResult>[] = []
  const pending: Pending[] = []

  widgets.forEach((widget, index) => {
    const plan = planWidget(widget, context)
    if (!plan.ok) {
      results.push(Promise.resolve(plan.result))
      return
    }
    const key = resultCacheKey(plan.built.branches, dataVersion)
    const cached = options.refresh ? null : cache.get(key)
    if (cached !== null) {
      results.push(Promise.resolve({ ...cached, widgetId: widget.id, notes: plan.built.notes, cached: true }))
      return
    }
    const running = options.refresh ? undefined : cache.running(key)
    if (running !== undefined) {
      results.push(running.then((result) => ({ ...result, widgetId: widget.id })))
      return
    }
    let resolve!: (result: WidgetResult) => void
    const execution = new Promise<WidgetResult>((done) => (resolve = done))
    cache.track(key, execution)
    results.push(execution)
    pending.push({ index, key, widget, branches: plan.built.branches, notes: plan.built.notes, resolve })
  })

  if (pending.length > 0) await execute(db, pending, cache)
  return Promise.all(results)
}

/** The data version the results are keyed by, and the rollup build to read (null: none current, or not asked for). */
async function versionsFor(db: Database, options: RunWidgetsOptions): Promise<{ dataVersion: string; rollupBuild: string | null }> {
  if (options.rollup !== 'auto') return { dataVersion: options.dataVersion ?? (await readDataVersion(db)), rollupBuild: null }
  const versions = options.versions ?? (await readVersions(db))
  if (versions.data === '') return { dataVersion: '', rollupBuild: null }
  if (versions.rollup?.dataVersion === versions.data) return { dataVersion: versions.data, rollupBuild: versions.rollup.build }
  wantEstateRollup(db, versions.data)
  return { dataVersion: versions.data, rollupBuild: null }
}

async function execute(db: Database, pending: Pending[], cache: WidgetResultCache): Promise<void> {
  const branches: WidgetBranch[] = []
  const owner: number[] = []
  pending.forEach((item, itemIndex) => {
    for (const branch of item.branches) {
      branches.push(prefixParams(branch, `b${branches.length}_`))
      owner.push(itemIndex)
    }
  })
  const computedAt = new Date().toISOString()
  const finish = (item: Pending, rows: ResultRow[]) => {
    const result: WidgetResult = { status: 'ok', widgetId: item.widget.id, rows, notes: item.notes, computedAt, cached: false }
    cache.set(item.key, result)
    item.resolve(result)
  }
  try {
    const rows = await queryWidgetBranches(db, branches)
    const byItem = pending.map((): ResultRow[] => [])
    for (const { b, s, k1, k2, v } of rows) byItem[owner[b]].push({ s, k1, k2, v })
    pending.forEach((item, itemIndex) => finish(item, byItem[itemIndex]))
  } catch {
    // One widget's failing SQL must not blank the others: run each widget alone to find which one fails, and why.
    for (const item of pending) {
      try {
        const rows = await queryWidgetBranches(db, item.branches.map((branch, index) => prefixParams(branch, `b${index}_`)))
        finish(item, rows.map(({ s, k1, k2, v }) => ({ s, k1, k2, v })))
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0].slice(0, 500) : String(error)
        item.resolve({ status: 'failed', widgetId: item.widget.id, message })
      }
    }
  }
}
