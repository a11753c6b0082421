// runWidgets on the embedded engine: one statement per render, the result cache and its data version, shared in-flight
// executions, refresh, a failing or outdated widget beside working ones, and v1 widgets rebuilt giving v2's numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { seedDemoEstate } from '@/ingest/seed'
import { scanDocumentSchema } from '@/ingest/schema/scan'
import { writeScans } from '@/ingest/writer'
import { readDataVersion } from '@/lib/repositories/data-version'
import { newestScanTime } from '@/lib/repositories/widget-data'
import { openTestDatabase } from '@/test/database'
import { DEFAULT_DASHBOARD, DEFAULT_WIDGETS, DEMO_V1_DASHBOARD, WIDGET_LIBRARY } from '@/widgets/defaults'
import { rebuildWidget } from '@/widgets/rebuild'
import { widgetSchema, type Widget } from '@/widgets/schema'
import { WidgetResultCache } from './cache'
import { runWidgets } from './run'

let db: Database
let close: () => Promise<void>
beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  await seedDemoEstate(db, { assets: 30, days: 3, seed: 5 })
}, 120_000)
afterAll(async () => close())

const EVERYONE = { scope: { all: true, tags: [] }, timeZone: 'UTC' }

/** The database with every query it is asked recorded. */
function recording(): { db: Database; widgetStatements: () => number } {
  const statements: string[] = []
  const wrapped: Database = {
    config: db.config,
    query: (sql, params) => {
      statements.push(sql)
      return db.query(sql, params)
    },
    command: (sql, params) => db.command(sql, params),
    insert: (table, rows) => db.insert(table, rows),
    insertStaged: (tables, statements) => db.insertStaged(tables, statements),
    streamQuery: (request) => db.streamQuery(request),
    close: () => db.close(),
  }
  return { db: wrapped, widgetStatements: () => statements.filter((sql) => sql.includes('AS b, s, k1, k2, v')).length }
}

const count = (id: string, query: string, extra: Partial<Widget> = {}) =>
  widgetSchema.parse({ id, type: 'count', title: query, entity: 'findings', query, ...extra })

describe('runWidgets', () => {
  it('renders the nine default widgets with one engine statement; their parameters never collide', async () => {
    const { db: counted, widgetStatements } = recording()
    const results = await runWidgets(counted, DEFAULT_DASHBOARD.widgets, { user: EVERYONE, cache: new WidgetResultCache() })
    expect(results.map((result) => result.status)).toEqual(DEFAULT_DASHBOARD.widgets.map(() => 'ok'))
    expect(widgetStatements()).toBe(1)
    // Two widgets whose only difference is a parameter value get their own numbers.
    const [missing, installed] = await runWidgets(db, [count(crypto.randomUUID(), 'status: Missing'), count(crypto.randomUUID(), 'status: Installed')], {
      user: EVERYONE,
      cache: new WidgetResultCache(),
    })
    const [expected] = await db.query<{ m: number; i: number }>(
      "SELECT toUInt32(countIf(status = 'Missing')) AS m, toUInt32(countIf(status = 'Installed')) AS i FROM findings FINAL WHERE is_deleted = 0",
    )
    expect([missing.status === 'ok' && missing.rows[0].v[0], installed.status === 'ok' && installed.rows[0].v[0]]).toEqual([expected.m, expected.i])
  })

  it('serves a repeated render from the cache until the data version advances, and "refresh" bypasses it', async () => {
    const cache = new WidgetResultCache()
    const widgets = [count(crypto.randomUUID(), 'status: Missing')]
    const { db: counted, widgetStatements } = recording()
    const first = await runWidgets(counted, widgets, { user: EVERYONE, cache })
    const second = await runWidgets(counted, widgets, { user: EVERYONE, cache })
    expect([first[0].status === 'ok' && first[0].cached, second[0].status === 'ok' && second[0].cached]).toEqual([false, true])
    expect(widgetStatements()).toBe(1)

    const refreshed = await runWidgets(counted, widgets, { user: EVERYONE, cache, refresh: true })
    expect(refreshed[0].status === 'ok' && refreshed[0].cached).toBe(false)
    expect(widgetStatements()).toBe(2)

    // Another viewer scope is another entry.
    await runWidgets(counted, widgets, { user: { scope: { all: false, tags: ['Site-Berlin'] }, timeZone: 'UTC' }, cache })
    expect(widgetStatements()).toBe(3)

    const before = await readDataVersion(db)
    const doc = scanDocumentSchema.parse({
      scannedAt: new Date(Date.now() - 1000).toISOString(),
      asset: { id: 'cache-new-asset', name: 'NEW', operatingSystem: 'Windows 11' },
      patches: [{ id: 'cache-new-patch', title: 'New', vendor: 'Microsoft', status: 'Missing' }],
    })
    await writeScans(db, [doc])
    expect(await readDataVersion(db)).not.toBe(before)
    const after = await runWidgets(counted, widgets, { user: EVERYONE, cache })
    expect(after[0].status === 'ok' && after[0].cached).toBe(false)
    expect(after[0].status === 'ok' && first[0].status === 'ok' && after[0].rows[0].v[0]! - first[0].rows[0].v[0]!).toBe(1)
  })

  it('identical concurrent renders share one execution', async () => {
    const cache = new WidgetResultCache()
    const { db: counted, widgetStatements } = recording()
    const widgets = DEFAULT_DASHBOARD.widgets
    const renders = await Promise.all(Array.from({ length: 5 }, () => runWidgets(counted, widgets, { user: EVERYONE, cache, dataVersion: 'fixed' })))
    expect(widgetStatements()).toBe(1)
    expect(new Set(renders.map((render) => JSON.stringify(render.map((result) => result.status === 'ok' && result.rows))))).toHaveProperty('size', 1)
  })

  it('a widget the engine refuses fails alone; an outdated one shows its reasons; an invalid one its positioned errors', async () => {
    // An engine that refuses any statement reading QIDs stands in for a query the engine cannot run.
    const refusing: Database = { ...recording().db, query: (sql, params) => (sql.includes('p.qids') ? Promise.reject(new Error('Code: 999. refused\nstack')) : db.query(sql, params)) }
    const [ok, failed, outdated, invalid] = await runWidgets(
      refusing,
      [count(crypto.randomUUID(), 'status: Missing'), count(crypto.randomUUID(), 'patch.qid > 5'), DEMO_V1_DASHBOARD.widgets[0], count(crypto.randomUUID(), 'status: Lost')],
      { user: EVERYONE, cache: new WidgetResultCache() },
    )
    expect(ok.status).toBe('ok')
    expect(failed).toMatchObject({ status: 'failed', message: 'Code: 999. refused' })
    expect(outdated).toMatchObject({ status: 'needsRebuild', reasons: [{ from: 'os: "Windows Server"', to: 'operatingSystem: "Windows Server"' }] })
    expect(invalid).toMatchObject({ status: 'invalid', problems: [{ source: 'query', start: 8 }] })
  })
})

describe('viewer input', () => {
  it('an unknown time zone reads as UTC, never an engine error', async () => {
    const widgets = DEFAULT_DASHBOARD.widgets
    const [mars, utc] = await Promise.all(
      ['Mars/Olympus_Mons', 'UTC'].map((timeZone) => runWidgets(db, widgets, { user: { ...EVERYONE, timeZone }, cache: new WidgetResultCache() })),
    )
    expect(mars.map((result) => result.status)).toEqual(widgets.map(() => 'ok'))
    // Rows of a GROUP BY come in no particular order.
    const sorted = (results: typeof mars) =>
      results.map((result) => (result.status === 'ok' ? [...result.rows].sort((a, b) => `${a.s}|${a.k1}|${a.k2}`.localeCompare(`${b.s}|${b.k1}|${b.k2}`)) : null))
    expect(sorted(mars)).toEqual(sorted(utc))
  })

  it('a dashboard filter that is not QQL makes every widget say so; one outside a widget vocabulary is a note', async () => {
    const widgets = [DEFAULT_WIDGETS.missingBySeverity, WIDGET_LIBRARY[2]]
    const broken = await runWidgets(db, widgets, { user: EVERYONE, filters: { query: 'osFamily: (', tags: [] }, cache: new WidgetResultCache() })
    expect(broken.map((result) => result.status === 'invalid' && result.problems[0].source)).toEqual(['filters', 'filters'])
    const [findings, patches] = await runWidgets(db, widgets, { user: EVERYONE, filters: { query: 'osFamily: Windows', tags: [] }, cache: new WidgetResultCache() })
    expect(findings).toMatchObject({ status: 'ok', notes: [] })
    expect(patches).toMatchObject({ status: 'ok', notes: [expect.stringContaining('dashboard filter not applied to patches')] })
  })
})

describe('newestScanTime', () => {
  it('is the newest scan of the assets in the viewer scope, null for a scope without assets', async () => {
    const [everyone] = await db.query<{ newest: string }>('SELECT max(last_scan_at) AS newest FROM assets FINAL')
    expect(await newestScanTime(db, EVERYONE.scope)).toBe(everyone.newest)
    expect(await newestScanTime(db, { all: false, tags: ['No-Such-Tag'] })).toBeNull()
  })
})

describe('Rebuild', () => {
  /** The demo's v1 widgets as an author would write them in token version 2. */
  const V2: Record<string, Partial<Widget>> = {
    '0c3d7a10-0003-4000-8000-000000000001': { query: 'operatingSystem: "Windows Server"' },
    '0c3d7a10-0003-4000-8000-000000000002': { query: 'status: Missing AND asset.operatingSystem: "Windows Server"', groupBy: { token: 'patch.vendorSeverity', bucket: null } },
    '0c3d7a10-0003-4000-8000-000000000003': { query: 'status: Missing AND patch.isSuperseded: true' },
  }

  it('a v1 widget rebuilt gives the same numbers as the same widget written in v2; a removed token is not rebuildable', async () => {
    const outcomes = DEMO_V1_DASHBOARD.widgets.map((widget) => ({ widget, outcome: rebuildWidget(widget) }))
    const rebuilt = outcomes.flatMap(({ outcome }) => (outcome.outcome === 'rebuilt' ? [outcome.after] : []))
    expect(rebuilt.map((widget) => widget.id).sort()).toEqual(Object.keys(V2).sort())
    expect(outcomes.find(({ outcome }) => outcome.outcome === 'notRebuildable')?.widget.title).toBe('Missing update rollups')
    const written = rebuilt.map((widget) => widgetSchema.parse({ ...widget, tokenVersion: 2, ...V2[widget.id], display: widget.display }))
    const user = { scope: { all: false, tags: ['Site-Berlin'] }, timeZone: 'UTC' }
    const [fromRebuild, fromV2] = await Promise.all([rebuilt, written].map((widgets) => runWidgets(db, widgets, { user, cache: new WidgetResultCache() })))
    expect(fromRebuild.every((result) => result.status === 'ok')).toBe(true)
    const rows = (results: typeof fromRebuild) => results.map((result) => (result.status === 'ok' ? [...result.rows].sort((a, b) => (a.k1 < b.k1 ? -1 : 1)) : null))
    expect(rows(fromRebuild)).toEqual(rows(fromV2))
    expect(rows(fromRebuild).flat().length).toBeGreaterThan(3)
  })
})
