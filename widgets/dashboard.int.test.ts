// The default dashboard over a seeded demo estate: every widget's numbers equal hand-written SQL (or a replay of the raw
// events), for everyone and for a scoped viewer; drill-down lists total what the widget showed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { writeJobResults } from '@/ingest/job-results-writer'
import { jobResultDocumentSchema } from '@/ingest/schema/job-result'
import { seedDemoEstate } from '@/ingest/seed'
import { WidgetResultCache } from '@/lib/dashboards/cache'
import { runWidgets } from '@/lib/dashboards/run'
import { compileQql, type QqlUser } from '@/lib/qql'
import { listAssets } from '@/lib/repositories/assets'
import { listFindings } from '@/lib/repositories/findings'
import { listPatches } from '@/lib/repositories/patches'
import { openTestDatabase } from '@/test/database'
import { DEFAULT_DASHBOARD, DEFAULT_WIDGETS as W, WIDGET_LIBRARY } from './defaults'
import { drillDown } from './drill-down'
import { patchTuesdayCycle, todayIn, windowDays } from './history/data'
import { presentWidget } from './present'
import { NO_FILTERS, type DashboardFilters, type Widget } from './schema'
import { OTHER_KEY, type Grid } from './shared/data'

let db: Database
let close: () => Promise<void>
beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  await seedDemoEstate(db, { assets: 60, days: 12, seed: 11 })
  const assets = await db.query<{ asset_id: string }>('SELECT asset_id FROM assets FINAL ORDER BY asset_id LIMIT 6')
  const now = Date.now()
  await writeJobResults(
    db,
    assets.map(({ asset_id }, index) =>
      jobResultDocumentSchema.parse({
        jobId: 'job-1', runId: `run-${index % 2}`, assetId: asset_id, status: 'Completed', reportedAt: new Date(now - index * 86_400_000 - 60_000).toISOString(),
        patches: [{ id: 'p-a', status: index % 3 === 0 ? 'Failed' : 'Installed' }, { id: 'p-b', status: 'Download Failed' }],
      }),
    ),
  )
}, 180_000)
afterAll(async () => close())

const EVERYONE: QqlUser = { scope: { all: true, tags: [] }, timeZone: 'UTC' }
const BERLIN: QqlUser = { scope: { all: false, tags: ['Site-Berlin'] }, timeZone: 'Europe/Berlin' }
const VIEWERS = [['everyone', EVERYONE], ['a viewer scoped to Site-Berlin', BERLIN]] as const

async function render(widgets: readonly Widget[], user: QqlUser, filters: DashboardFilters = NO_FILTERS) {
  const results = await runWidgets(db, widgets, { user, filters, cache: new WidgetResultCache() })
  return widgets.map((widget, index) => {
    const view = presentWidget(widget, results[index], user.timeZone)
    if (view.kind === 'problem') throw new Error(`${widget.title}: ${JSON.stringify(view.result)}`)
    return view
  })
}

const asMap = (grid: Grid, series = 0) => Object.fromEntries(grid.keys.map((key, index) => [key, grid.series[series].values[index]]))
const round = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000)

/** Hand-written SQL: the scope as its own condition on the asset's tags. */
const scopeSql = (user: QqlUser) => (user.scope.all ? '1' : 'hasAny(a.tags, {tags:Array(String)})')
const FINDINGS = 'findings AS f FINAL INNER JOIN assets AS a FINAL ON a.asset_id = f.asset_id INNER JOIN patches AS p FINAL ON p.patch_id = f.patch_id'
async function pairs(sql: string, user: QqlUser): Promise<Record<string, number>> {
  const rows = await db.query<{ k: string; n: number }>(sql.replace('$scope', scopeSql(user)), { tags: user.scope.tags })
  return Object.fromEntries(rows.map((row) => [row.k, Number(row.n)]))
}

interface EventRow { asset_id: string; patch_id: string; event: string; previous_status: string; event_at: string; first_seen_at: string; event_severity: string }
async function events(user: QqlUser): Promise<EventRow[]> {
  return db.query<EventRow>(
    `SELECT e.asset_id, e.patch_id, e.event, e.previous_status, e.event_at, e.first_seen_at, e.vendor_severity AS event_severity
     FROM finding_events AS e
     WHERE e.asset_id IN (SELECT a.asset_id FROM assets AS a FINAL WHERE $scope) ORDER BY e.event_at`.replace('$scope', scopeSql(user)),
    { tags: user.scope.tags },
  )
}
const dayIn = (iso: string, timeZone: string) => todayIn(timeZone, new Date(iso))
/** Events in time order with their day in the viewer's zone, replayed into each pair's state at the end of each day. */
function replayCompliance(rows: readonly EventRow[], days: readonly string[], timeZone: string): (number | null)[] {
  const state = new Map<string, string>()
  let next = 0
  return days.map((day) => {
    while (next < rows.length && dayIn(rows[next].event_at, timeZone) <= day) {
      const row = rows[next++]
      state.set(`${row.asset_id}|${row.patch_id}`, row.event === 'removed' ? '' : row.event)
    }
    const values = [...state.values()]
    const installed = values.filter((value) => value === 'installed').length
    const applicable = installed + values.filter((value) => value === 'missing').length
    return applicable === 0 ? null : round((100 * installed) / applicable)
  })
}

describe.each(VIEWERS)('the default Patch Management dashboard, for %s', (_name, user) => {
  it('list widgets equal hand-written SQL', async () => {
    const [missingVsInstalled, bySeverity, topPatches, byOs, missingCritical] = await render(
      [W.missingVsInstalled, W.missingBySeverity, W.topMissingPatches, W.assetsByOs, W.assetsMissingCritical],
      user,
    )
    expect(asMap(missingVsInstalled.grid)).toEqual(await pairs(`SELECT f.status AS k, count() AS n FROM ${FINDINGS} WHERE f.is_deleted = 0 AND $scope GROUP BY k`, user))
    expect(asMap(bySeverity.grid)).toEqual(
      await pairs(`SELECT p.vendor_severity AS k, count() AS n FROM ${FINDINGS} WHERE f.is_deleted = 0 AND f.status = 'Missing' AND $scope GROUP BY k`, user),
    )
    expect(bySeverity.grid.keys.filter((key) => key !== 'None')[0]).toBe('Critical')
    expect(asMap(topPatches.grid)).toEqual(
      await pairs(`SELECT p.title AS k, count() AS n FROM ${FINDINGS} WHERE f.is_deleted = 0 AND f.status = 'Missing' AND $scope GROUP BY k ORDER BY n DESC, k LIMIT 10`, user),
    )
    const os = await pairs(`SELECT a.operating_system AS k, count() AS n FROM assets AS a FINAL WHERE $scope GROUP BY k ORDER BY n DESC, k`, user)
    const shown = Object.entries(os).slice(0, 8)
    const other = Object.values(os).slice(8).reduce((sum, n) => sum + n, 0)
    expect(asMap(byOs.grid)).toEqual({ ...Object.fromEntries(shown), ...(other > 0 ? { [OTHER_KEY]: other } : {}) })
    const [critical] = await db.query<{ hit: number; all: number }>(
      `SELECT toUInt32(countIf(a.missing_critical_count > 0)) AS hit, toUInt32(count()) AS all FROM assets AS a FINAL WHERE ${scopeSql(user)}`,
      { tags: user.scope.tags },
    )
    expect(missingCritical.kind === 'count' && missingCritical.ratio).toMatchObject({ numerator: critical.hit, denominator: critical.all })
    expect(missingCritical.kind === 'count' && round(missingCritical.value)).toBe(round((100 * critical.hit) / critical.all))
  })

  it('history widgets equal a replay of the raw events and job results', async () => {
    const [compliance, failed, timeToPatch, published] = await render([W.complianceTrend, W.failedInstalls, W.meanTimeToPatch, W.publishedVsInstalled], user)
    const rows = await events(user)
    const days = windowDays(todayIn(user.timeZone, new Date()), 30)
    expect(compliance.grid.series[0].values.map(round)).toEqual(replayCompliance(rows, days, user.timeZone))

    const failures = await db.query<{ day: string; n: number }>(
      `SELECT toString(toDate(r.reported_at, {tz:String})) AS day, toUInt32(count()) AS n FROM job_results AS r FINAL ARRAY JOIN r.patch_statuses AS s
       WHERE s IN ('Failed', 'Download Failed') AND r.asset_id IN (SELECT a.asset_id FROM assets AS a FINAL WHERE ${scopeSql(user)}) GROUP BY day`,
      { tags: user.scope.tags, tz: user.timeZone },
    )
    const failedByDay = new Map(failures.map((row) => [row.day, Number(row.n)]))
    expect(failed.grid.series[0].values).toEqual(days.map((day) => failedByDay.get(day) ?? 0))

    const window90 = windowDays(todayIn(user.timeZone, new Date()), 90)[0]
    const installs = rows.filter((row) => row.event === 'installed' && row.previous_status === 'Missing' && dayIn(row.event_at, user.timeZone) >= window90)
    const bySeverity = new Map<string, number[]>()
    for (const row of installs) bySeverity.set(row.event_severity, [...(bySeverity.get(row.event_severity) ?? []), (Date.parse(row.event_at) - Date.parse(row.first_seen_at)) / 86_400_000])
    const mean = Object.fromEntries(timeToPatch.grid.keys.map((key, index) => [key, round(timeToPatch.grid.series[0].values[index])]))
    expect(mean).toEqual(Object.fromEntries([...bySeverity].map(([severity, list]) => [severity, round(list.reduce((a, b) => a + b, 0) / list.length)])))

    const firstCycle = patchTuesdayCycle(windowDays(todayIn(user.timeZone, new Date()), 180)[0])
    const cycleCounts = (dates: string[]) => {
      const counts = new Map<string, number>()
      for (const date of dates) if (patchTuesdayCycle(date) >= firstCycle) counts.set(patchTuesdayCycle(date), (counts.get(patchTuesdayCycle(date)) ?? 0) + 1)
      return counts
    }
    const catalog = await db.query<{ published_at: string }>('SELECT published_at FROM patches FINAL')
    const today = todayIn(user.timeZone, new Date())
    const publishedCounts = cycleCounts(catalog.map((row) => dayIn(row.published_at, user.timeZone)).filter((day) => day <= today))
    const installedCounts = cycleCounts(installs.length === 0 ? [] : rows.filter((row) => row.event === 'installed' && row.previous_status === 'Missing').map((row) => dayIn(row.event_at, user.timeZone)))
    expect(published.grid.keys).toEqual([...new Set([...publishedCounts.keys(), ...installedCounts.keys()])].sort())
    expect(published.grid.series[0].values).toEqual(published.grid.keys.map((key) => publishedCounts.get(key) ?? 0))
    expect(published.grid.series[1].values).toEqual(published.grid.keys.map((key) => installedCounts.get(key) ?? 0))
  })

  it('renders the whole default dashboard and the widget library without a problem card', async () => {
    const views = await render([...DEFAULT_DASHBOARD.widgets, ...WIDGET_LIBRARY], user)
    expect(views).toHaveLength(DEFAULT_DASHBOARD.widgets.length + WIDGET_LIBRARY.length)
  })
})

describe('drill-down', () => {
  const filters: DashboardFilters = { query: 'osFamily: Windows', tags: ['Site-Berlin', 'Site-Pune'] }

  async function listTotal(list: 'assets' | 'patches' | 'findings', query: string, user: QqlUser): Promise<number> {
    const compiled = compileQql({ query, entity: list, user })
    if (!compiled.ok) throw new Error(`${query}: ${JSON.stringify(compiled.errors)}`)
    const page = { filter: compiled, dir: 'asc' as const, page: 1, pageSize: 1 }
    if (list === 'assets') return (await listAssets(db, user.scope, { ...page, sort: 'name' })).total
    if (list === 'findings') return (await listFindings(db, user.scope, { ...page, sort: 'asset' })).total
    return (await listPatches(db, user.scope, { ...page, sort: 'title' })).total
  }

  it.each(VIEWERS)('every bar, slice, "Other" bucket and count opens a list whose total is the number shown (%s, with dashboard filters)', async (_name, user) => {
    const widgets = [W.missingBySeverity, W.missingVsInstalled, W.assetsByOs, W.assetsMissingCritical, WIDGET_LIBRARY[2], WIDGET_LIBRARY[11]]
    const views = await render(widgets, user, filters)
    let checked = 0
    for (const [index, view] of views.entries()) {
      const widget = widgets[index]
      if (view.kind === 'count') {
        const target = drillDown(widget, filters, null, view.grid)!
        expect(target.totalEqualsValue).toBe(true)
        expect(await listTotal(target.list, target.query, user)).toBe(view.ratio?.numerator ?? view.value)
        checked++
        continue
      }
      for (const [keyIndex, key] of view.grid.keys.entries()) {
        const target = drillDown(widget, filters, { key, series: view.grid.series[0].key }, view.grid)!
        expect(target.href).toBe(`/${widget.entity}?q=${encodeURIComponent(target.query)}`)
        expect(await listTotal(target.list, target.query, user), `${widget.title} → ${target.query}`).toBe(view.grid.series[0].values[keyIndex])
        checked++
      }
    }
    expect(checked).toBeGreaterThan(8)
  })
})
