// A count "vs N days ago" against hand-computed values: a small estate scanned over ten days, through the real writer and engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { scanDocumentSchema, type ScanDocumentInput } from '@/ingest/schema/scan'
import { writeScans } from '@/ingest/writer'
import { WidgetResultCache } from '@/lib/dashboards/cache'
import { runWidgets } from '@/lib/dashboards/run'
import type { QqlUser } from '@/lib/qql'
import { openTestDatabase } from '@/test/database'
import { DEFAULT_WIDGETS } from './defaults'
import { presentWidget } from './present'
import { NO_FILTERS, widgetSchema, type DashboardFilters } from './schema'

const DAY = 86_400_000
/** Every scan happens a whole number of days before `base`, so "N days ago" splits the scans at whole days. */
const base = Date.now() - 60_000
const at = (daysAgo: number) => new Date(base - daysAgo * DAY).toISOString()

const CATALOG = {
  pC: { title: 'Critical fix', vendorSeverity: 'Critical' },
  pC2: { title: 'Second critical fix', vendorSeverity: 'Critical' },
  pL: { title: 'Low fix', vendorSeverity: 'Low' },
  pI: { title: 'Important fix', vendorSeverity: 'Important' },
} as const
type PatchId = keyof typeof CATALOG
const SITES = { a1: 'Site-Berlin', a2: 'Site-Pune', a3: 'Site-Berlin', a4: 'Site-Pune', a5: 'Site-Tokyo' } as const

function scan(asset: keyof typeof SITES, daysAgo: number | Date, patches: Partial<Record<PatchId, 'Missing' | 'Installed'>>): ScanDocumentInput {
  const scannedAt = typeof daysAgo === 'number' ? at(daysAgo) : daysAgo.toISOString()
  return {
    scanId: `${asset}-${scannedAt}`,
    scannedAt,
    asset: { id: asset, name: asset.toUpperCase(), operatingSystem: 'Windows 11', tags: [SITES[asset]] },
    patches: Object.entries(patches).map(([id, status]) => ({ id, vendor: 'Microsoft', publishedAt: at(30), ...CATALOG[id as PatchId], status })),
  }
}

/** The last midnight in a zone without daylight saving time. */
function midnightIn(timeZone: string, now: Date): number {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(now).map((part) => [part.type, part.value]))
  return now.getTime() - ((Number(parts.hour) * 60 + Number(parts.minute)) * 60 + Number(parts.second)) * 1000 - now.getMilliseconds()
}
/**
 * Two zones and an instant that is today in the first zone (after its midnight) but yesterday in the second (before its
 * midnight): a zone ahead reaches midnight first. Some pair of these fixed-offset zones has such an instant at any time.
 */
const ZONES = ['Pacific/Kiritimati', 'Asia/Tokyo', 'Asia/Kolkata', 'UTC', 'Pacific/Pago_Pago']
const split = (() => {
  const now = new Date(base)
  for (const ahead of ZONES)
    for (const behind of ZONES) {
      const [first, second] = [midnightIn(ahead, now), midnightIn(behind, now)]
      if (second - first >= 20 * 60_000) return { ahead, behind, at: new Date(second - 10 * 60_000) }
    }
  throw new Error('no zone pair')
})()

let db: Database
let close: () => Promise<void>
beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  const scans = [
    scan('a1', 10, { pC: 'Missing', pL: 'Missing' }),
    scan('a1', 5, { pC: 'Installed', pL: 'Missing', pC2: 'Missing' }),
    scan('a1', 1, { pC: 'Installed', pL: 'Installed' }), // pC2 no longer reported
    scan('a2', 9, { pC: 'Missing', pI: 'Installed' }),
    scan('a2', 3, { pC: 'Missing', pC2: 'Missing' }), // pI no longer reported
    scan('a2', 0, { pC: 'Installed', pC2: 'Missing' }),
    scan('a3', 2, { pC: 'Missing', pC2: 'Missing' }), // first scanned two days ago
    scan('a4', 8, { pL: 'Missing' }), // unchanged since
    scan('a5', 5, { pI: 'Missing' }),
    scan('a5', split.at, { pI: 'Installed' }),
  ]
  for (const doc of scans) await writeScans(db, [scanDocumentSchema.parse(doc)])
}, 60_000)
afterAll(async () => close())

const EVERYONE: QqlUser = { scope: { all: true, tags: [] }, timeZone: 'UTC' }
const BERLIN: QqlUser = { scope: { all: false, tags: ['Site-Berlin'] }, timeZone: 'UTC' }

async function count(input: Record<string, unknown>, user = EVERYONE, filters: DashboardFilters = NO_FILTERS) {
  const widget = widgetSchema.parse({ title: 'Count', ...input, id: crypto.randomUUID(), type: 'count' })
  const [result] = await runWidgets(db, [widget], { user, filters, cache: new WidgetResultCache() })
  const view = presentWidget(widget, result, user.timeZone)
  if (view.kind !== 'count') throw new Error(JSON.stringify(view))
  return view
}

const missingCritical = (comparisonDaysAgo: number) =>
  ({ entity: 'findings', query: 'status: Missing AND patch.vendorSeverity: Critical', comparisonDaysAgo }) as const

describe('count vs N days ago', () => {
  it('missing critical findings now and 7, 4 and 2 days ago', async () => {
    // Now: a2 pC2, a3 pC and pC2. 7 days ago: a1 pC, a2 pC. 4 days ago: a1 pC2, a2 pC. 2 days ago: a1 pC2, a2 pC and pC2, a3 both.
    const week = await count(missingCritical(7))
    expect(week).toMatchObject({ value: 3, comparison: { previous: 2, delta: 1, percent: 50, trend: 'up', good: false, text: '+1 (+50 %) vs 7 days ago' } })
    expect((await count(missingCritical(4))).comparison).toMatchObject({ previous: 2, delta: 1 })
    expect((await count(missingCritical(2))).comparison).toMatchObject({ previous: 5, delta: -2, trend: 'down', good: true })
  })

  it('assets missing critical patches (the default widget) now and 7 and 2 days ago, new assets not counted before their first scan', async () => {
    const widget = DEFAULT_WIDGETS.assetsMissingCritical
    // Now: a2 and a3 of a1..a5. 7 days ago (a3, a5 not yet scanned): a1 and a2 of a1, a2, a4. 2 days ago: a1, a2, a3 of all five.
    const week = await count({ ...widget, comparisonDaysAgo: 7 })
    expect(week.ratio?.text).toBe('2 of 5 = 40 %')
    expect(week.comparison?.previous).toBeCloseTo(66.667, 2)
    expect(week.comparison?.percent).toBeNull()
    expect((await count({ ...widget, comparisonDaysAgo: 2 })).comparison).toMatchObject({ previous: 60, delta: -20, text: '-20 % vs 2 days ago' })
  })

  it('assets with a missing critical finding as a patch.* query: the finding as it was then', async () => {
    const assets = await count({ entity: 'assets', query: 'patch.status: Missing AND patch.vendorSeverity: Critical', comparisonDaysAgo: 2 })
    expect(assets).toMatchObject({ value: 2, comparison: { previous: 3, delta: -1 } })
    const all = await count({ entity: 'assets', comparisonDaysAgo: 7 })
    expect(all).toMatchObject({ value: 5, comparison: { previous: 3, delta: 2 } })
  })

  it('a scoped viewer compares the assets in their scope only', async () => {
    // Berlin: a1 and a3. Now a3's two; 7 days ago a1's pC (a3 not yet scanned).
    expect(await count(missingCritical(7), BERLIN)).toMatchObject({ value: 2, comparison: { previous: 1, delta: 1 } })
    const assets = await count({ ...DEFAULT_WIDGETS.assetsMissingCritical, comparisonDaysAgo: 7 }, BERLIN)
    expect(assets).toMatchObject({ value: 50, comparison: { previous: 100, delta: -50 } })
  })

  it('a dashboard filter without history leaves the comparison out and says why; one with history applies then too', async () => {
    const filtered = await count(missingCritical(7), EVERYONE, { query: 'scanDateTime > now-30d', tags: [] })
    expect(filtered.comparison).toBeNull()
    expect(filtered.notes.join(' ')).toContain('`scanDateTime` has no history')
    const pune = await count(missingCritical(7), EVERYONE, { query: '', tags: ['Site-Pune'] })
    expect(pune).toMatchObject({ value: 1, comparison: { previous: 1, delta: 0, trend: 'flat', good: null } })
  })
  it("the viewer's time zone decides where yesterday ends", async () => {
    // a5's pI was installed at `split.at`: today where the day began first (still missing at the end of yesterday), but
    // still yesterday behind (installed by the end of yesterday).
    const missingImportant = { entity: 'findings', query: 'status: Missing AND patch.vendorSeverity: Important', comparisonDaysAgo: 1 } as const
    const zone = (timeZone: string) => ({ ...EVERYONE, timeZone })
    expect(await count(missingImportant, zone(split.ahead))).toMatchObject({ value: 0, comparison: { previous: 1, delta: -1 } })
    expect(await count(missingImportant, zone(split.behind))).toMatchObject({ value: 0, comparison: { previous: 0, delta: 0 } })
  })
})
