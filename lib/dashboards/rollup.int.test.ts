// The estate rollup: widgets reading it give the numbers the findings and events give, for every viewer (scopes, zones).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { seedDemoEstate } from '@/ingest/seed'
import type { QqlUser } from '@/lib/qql'
import { advanceDataVersion } from '@/lib/repositories/data-version'
import { buildEstateRollup, readVersions, ROLLUP_EVENTS, ROLLUP_FINDINGS } from '@/lib/repositories/estate-rollup'
import { openTestDatabase } from '@/test/database'
import { planWidget } from '@/widgets/build'
import { DEFAULT_DASHBOARD, WIDGET_LIBRARY } from '@/widgets/defaults'
import type { ResultRow, WidgetResult } from '@/widgets/result'
import { NO_FILTERS, widgetSchema, type Widget } from '@/widgets/schema'
import { WidgetResultCache } from './cache'
import { finishEstateRollups } from './rollup-builds'
import { runWidgets } from './run'

let db: Database
let close: () => Promise<void>
beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  await seedDemoEstate(db, { assets: 80, days: 40, seed: 5 })
}, 180_000)
afterAll(async () => close())

const VIEWERS: [string, QqlUser][] = [
  ['everyone in UTC', { scope: { all: true, tags: [] }, timeZone: 'UTC' }],
  ['everyone in Kolkata (+5:30)', { scope: { all: true, tags: [] }, timeZone: 'Asia/Kolkata' }],
  ['Site-Berlin in Berlin', { scope: { all: false, tags: ['Site-Berlin'] }, timeZone: 'Europe/Berlin' }],
  ['two tags in Chicago', { scope: { all: false, tags: ['Site-Pune', 'Servers'] }, timeZone: 'America/Chicago' }],
  ['Kathmandu (+5:45), Site-Austin', { scope: { all: false, tags: ['Site-Austin'] }, timeZone: 'Asia/Kathmandu' }],
]
/** History windows that start inside the seeded 40 days, so day and window bounds cut through the events. */
const SHORT_WINDOWS: Widget[] = (
  [['compliance', 3], ['compliance', 11], ['missingBySeverity', 6], ['timeToPatch', 2], ['timeToPatch', 9], ['publishedVsInstalled', 25]] as const
).map(([series, days], index) =>
  widgetSchema.parse({ id: `7b0f4d0a-2222-4000-8000-00000000000${index}`, type: 'line', title: `${series} ${days} days`, entity: 'history', series, days, ...(series === 'timeToPatch' ? { type: 'table' } : {}) }),
)
const WIDGETS: readonly Widget[] = [...DEFAULT_DASHBOARD.widgets, ...WIDGET_LIBRARY, ...SHORT_WINDOWS]

const render = (user: QqlUser, rollup: 'auto' | 'off') => runWidgets(db, WIDGETS, { user, rollup, cache: new WidgetResultCache() })

/** Rows in a stable order. */
function sorted(result: WidgetResult): ResultRow[] {
  if (result.status !== 'ok') throw new Error(JSON.stringify(result))
  return [...result.rows].sort((a, b) => `${a.s}|${a.k1}|${a.k2}`.localeCompare(`${b.s}|${b.k1}|${b.k2}`))
}

/**
 * Equal rows, values within 1e-3 (means summed in another order differ in the last bits, and library widgets measured
 * up to now — days missing — move by the second between the two renders).
 */
function expectSameRows(rolled: WidgetResult, raw: WidgetResult, title: string) {
  const [a, b] = [sorted(rolled), sorted(raw)]
  expect(a.map(({ s, k1, k2 }) => `${s}|${k1}|${k2}`), title).toEqual(b.map(({ s, k1, k2 }) => `${s}|${k1}|${k2}`))
  a.forEach((row, index) =>
    row.v.forEach((value, at) => {
      const expected = b[index].v[at]
      if (value === null || expected === null) expect(value, title).toBe(expected)
      else expect(Math.abs(value - expected), `${title} ${row.k1} ${row.k2} [${at}]`).toBeLessThan(1e-3)
    }),
  )
}

describe('estate rollup', () => {
  it('is used only once built for the current data version, and the build starts by itself', async () => {
    await advanceDataVersion(db)
    const before = await readVersions(db)
    expect(before.rollup?.dataVersion).not.toBe(before.data)
    // Two renders at once: the build waits until both are done, then starts by itself.
    await Promise.all([render(VIEWERS[0][1], 'auto'), render(VIEWERS[2][1], 'auto')])
    await expect.poll(async () => (await readVersions(db)).rollup?.dataVersion, { timeout: 20_000 }).toBe(before.data)
    await finishEstateRollups()
  })

  it('answers the findings and history widgets of the default dashboard from the rollup', async () => {
    const { data } = await readVersions(db)
    const plans = DEFAULT_DASHBOARD.widgets.map((widget) => planWidget(widget, { user: VIEWERS[2][1], filters: NO_FILTERS, rollupBuild: data }))
    const reading = plans.map((plan) => (plan.ok && plan.built.branches.some((branch) => /rollup_/.test(branch.sql)) ? plan.widget.title : null)).filter(Boolean)
    expect(reading).toEqual(expect.arrayContaining(['Missing vs installed', 'Missing by vendor severity', 'Top 10 missing patches by affected assets', 'Patch compliance (30 days)', 'Time to patch by severity (90 days)', 'Patches published vs installed per Patch Tuesday']))
  })

  it.each(VIEWERS)('gives the same numbers as the findings and events: %s', async (_name, user) => {
    await buildEstateRollup(db, (await readVersions(db)).data)
    const [raw, rolled] = [await render(user, 'off'), await render(user, 'auto')]
    WIDGETS.forEach((widget, index) => expectSameRows(rolled[index], raw[index], widget.title))
    expect(raw.some((result) => result.status === 'ok' && result.rows.length > 0)).toBe(true)
  })

  it('puts events at the edges of local days where the findings and events put them (zones at +5:45 and +5:30)', async () => {
    const edgeWidgets = SHORT_WINDOWS.filter((widget) => widget.title === 'compliance 3 days' || widget.title === 'timeToPatch 2 days')
    for (const timeZone of ['Asia/Kathmandu', 'Asia/Kolkata']) {
      // T: the start of yesterday in the zone (the 2-day time to patch starts there; the 3-day compliance counts changes from there); T2: of today.
      const [edges] = await db.query<{ t: number; t2: number }>(
        `SELECT toUnixTimestamp64Milli(toDateTime64(toDate(now64(3, 'UTC'), {tz:String}) - 1, 3, {tz:String})) AS t, toUnixTimestamp64Milli(toDateTime64(toDate(now64(3, 'UTC'), {tz:String}), 3, {tz:String})) AS t2`,
        { tz: timeZone },
      )
      const [asset] = await db.query<{ asset_id: string; tags: string[] }>("SELECT asset_id, tags FROM assets FINAL WHERE has(tags, 'Site-Austin') ORDER BY asset_id LIMIT 1")
      const at = [edges.t - 1, edges.t, edges.t + 15 * 60_000 - 1, edges.t + 15 * 60_000, edges.t2 - 1, edges.t2]
      await db.insert(
        'finding_events',
        at.map((ms, index) => ({
          event_at: new Date(ms).toISOString(), asset_id: asset.asset_id, patch_id: `edge-${timeZone}-${index}`, event: 'installed', previous_status: 'Missing',
          vendor_severity: 'Critical', first_seen_at: new Date(ms - (index + 1) * 3_600_000).toISOString(), scan_id: `edge-${index}`,
        })),
      )
      await advanceDataVersion(db)
      await buildEstateRollup(db, (await readVersions(db)).data)
      for (const scope of [{ all: true, tags: [] }, { all: false, tags: ['Site-Austin'] }]) {
        const user: QqlUser = { scope, timeZone }
        const [raw, rolled] = [
          await runWidgets(db, edgeWidgets, { user, rollup: 'off', cache: new WidgetResultCache() }),
          await runWidgets(db, edgeWidgets, { user, rollup: 'auto', cache: new WidgetResultCache() }),
        ]
        edgeWidgets.forEach((widget, index) => expectSameRows(rolled[index], raw[index], `${widget.title} ${timeZone}`))
      }
    }
  })

  it('keeps the previous build for renders in flight and drops the older ones this server finished', async () => {
    const builds: string[] = []
    for (let i = 0; i < 3; i++) {
      await advanceDataVersion(db)
      await buildEstateRollup(db, (await readVersions(db)).data)
      builds.push((await readVersions(db)).rollup!.build)
    }
    for (const table of [ROLLUP_FINDINGS, ROLLUP_EVENTS]) {
      const rows = await db.query<{ build: string }>(`SELECT DISTINCT build FROM ${table}`)
      expect(rows.map((row) => row.build).sort()).toEqual(builds.slice(1).sort())
    }
  })

  it('never mixes the rows of two servers building at once: the one started last is read, whole', async () => {
    await advanceDataVersion(db)
    const { data } = await readVersions(db)
    // Two builds of the same data version at the same time, as two server processes on one database would run them.
    await Promise.all([buildEstateRollup(db, data), buildEstateRollup(db, data)])
    const { rollup } = await readVersions(db)
    expect(rollup?.dataVersion).toBe(data)
    // Every current finding once, in the build the setting names.
    const [inRollup] = await db.query<{ n: number }>(`SELECT toUInt64(sum(n)) AS n FROM ${ROLLUP_FINDINGS} WHERE build = {wanted:String}`, { wanted: rollup!.build })
    const [findings] = await db.query<{ n: number }>('SELECT toUInt64(count()) AS n FROM findings AS f FINAL INNER JOIN assets AS a FINAL ON a.asset_id = f.asset_id WHERE f.is_deleted = 0')
    expect(inRollup.n).toBe(findings.n)
    const [raw, rolled] = [await render(VIEWERS[2][1], 'off'), await render(VIEWERS[2][1], 'auto')]
    WIDGETS.forEach((widget, index) => expectSameRows(rolled[index], raw[index], widget.title))
  })
})
