// History series against hand-computed series: scans and job results written through the real writers, small hand-made data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { writeJobResults } from '@/ingest/job-results-writer'
import { jobResultDocumentSchema } from '@/ingest/schema/job-result'
import { scanDocumentSchema, type ScanDocumentInput } from '@/ingest/schema/scan'
import { writeScans } from '@/ingest/writer'
import { WidgetResultCache } from '@/lib/dashboards/cache'
import { runWidgets } from '@/lib/dashboards/run'
import type { QqlUser } from '@/lib/qql'
import { openTestDatabase } from '@/test/database'
import { patchTuesdayCycle, windowDays } from './history/data'
import { presentWidget } from './present'
import { widgetSchema, type HistorySeries, type Widget } from './schema'

const DAY = 86_400_000
/** Every event happens a whole number of days before `base` (so days between events are exact and all dates are past). */
const base = Date.now() - 60_000
const at = (daysAgo: number) => new Date(base - daysAgo * DAY).toISOString()
const dateOf = (daysAgo: number) => at(daysAgo).slice(0, 10)

const CATALOG = {
  pC: { title: 'Critical fix', vendorSeverity: 'Critical', publishedAt: at(2) },
  pL: { title: 'Low fix', vendorSeverity: 'Low', publishedAt: at(60) },
  pI: { title: 'Important fix', vendorSeverity: 'Important', publishedAt: at(0) },
} as const
type PatchId = keyof typeof CATALOG

function scan(asset: 'a1' | 'a2', daysAgo: number, patches: Partial<Record<PatchId, 'Missing' | 'Installed'>>): ScanDocumentInput {
  const tags = asset === 'a1' ? ['Site-Berlin'] : ['Site-Pune']
  return {
    scanId: `${asset}-${daysAgo}`,
    scannedAt: at(daysAgo),
    asset: { id: asset, name: asset.toUpperCase(), operatingSystem: 'Windows 11', tags },
    patches: Object.entries(patches).map(([id, status]) => ({ id, vendor: 'Microsoft', ...CATALOG[id as PatchId], status })),
  }
}

let db: Database
let close: () => Promise<void>
beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  const scans = [
    scan('a1', 6, { pC: 'Missing', pL: 'Missing' }),
    scan('a1', 2, { pC: 'Installed', pL: 'Missing' }),
    scan('a1', 0, { pC: 'Installed', pL: 'Installed' }),
    scan('a2', 3, { pC: 'Missing', pI: 'Installed' }),
    scan('a2', 1, { pC: 'Missing' }),
    scan('a2', 0, { pC: 'Installed' }),
  ]
  for (const doc of scans) await writeScans(db, [scanDocumentSchema.parse(doc)])
  const job = (assetId: string, runId: string, daysAgo: number, patches: { id: string; status: string }[]) =>
    jobResultDocumentSchema.parse({ jobId: 'j1', runId, assetId, status: 'Completed', reportedAt: at(daysAgo), patches })
  await writeJobResults(db, [
    job('a1', 'r0', 10, [{ id: 'pL', status: 'Failed' }]),
    job('a1', 'r1', 1, [{ id: 'pL', status: 'Failed' }, { id: 'pC', status: 'Installed' }]),
    job('a2', 'r1', 0, [{ id: 'pC', status: 'Download Failed' }]),
  ])
}, 60_000)
afterAll(async () => close())

const EVERYONE: QqlUser = { scope: { all: true, tags: [] }, timeZone: 'UTC' }
const BERLIN: QqlUser = { scope: { all: false, tags: ['Site-Berlin'] }, timeZone: 'UTC' }

async function grid(series: HistorySeries, days: number, user = EVERYONE, type: Widget['type'] = 'line') {
  const widget = widgetSchema.parse({ id: crypto.randomUUID(), type, title: series, entity: 'history', series, days })
  const [result] = await runWidgets(db, [widget], { user, cache: new WidgetResultCache() })
  const view = presentWidget(widget, result, user.timeZone)
  if (view.kind === 'problem') throw new Error(JSON.stringify(view.result))
  return view.grid
}

const round = (values: (number | null)[]) => values.map((value) => (value === null ? null : Math.round(value * 100) / 100))

describe('history series', () => {
  it('patch compliance % per day: installed ÷ applicable current findings at the end of each day', async () => {
    const result = await grid('compliance', 4)
    expect(result.keys).toEqual([dateOf(3), dateOf(2), dateOf(1), dateOf(0)])
    // D-3: 1 of 4 installed; D-2: 2 of 4; D-1: a2's pI is no longer reported, 1 of 3; D0: all 3 installed.
    expect(round(result.series[0].values)).toEqual([25, 50, 33.33, 100])
  })

  it('missing by severity per day, carrying the state from before the window', async () => {
    const result = await grid('missingBySeverity', 4)
    const bySeverity = Object.fromEntries(result.series.map((series) => [series.key, series.values]))
    expect(result.series.map((series) => series.key)).toEqual(['Critical', 'Important', 'Low'])
    expect(bySeverity).toEqual({ Critical: [2, 1, 1, 0], Important: [0, 0, 0, 0], Low: [1, 1, 1, 0] })
  })

  it('mean and median days to patch by severity, for installs in the window', async () => {
    const result = await grid('timeToPatch', 4, EVERYONE, 'table')
    expect(result.keys).toEqual(['Critical', 'Low'])
    // Critical: a1 after 4 days, a2 after 3; Low: a1 after 6.
    expect(result.series.map((series) => [series.key, round(series.values)])).toEqual([
      ['mean', [3.5, 6]],
      ['median', [3.5, 6]],
      ['installs', [2, 1]],
    ])
  })

  it('patches published and installed per Patch Tuesday cycle', async () => {
    const result = await grid('publishedVsInstalled', 4, EVERYONE, 'bar')
    const firstCycle = patchTuesdayCycle(windowDays(dateOf(0), 4)[0])
    const expected = new Map<string, { published: number; installed: number }>()
    const add = (date: string, kind: 'published' | 'installed') => {
      const cycle = patchTuesdayCycle(date)
      if (cycle < firstCycle) return
      const entry = expected.get(cycle) ?? { published: 0, installed: 0 }
      entry[kind]++
      expected.set(cycle, entry)
    }
    for (const patch of Object.values(CATALOG)) add(patch.publishedAt.slice(0, 10), 'published')
    for (const daysAgo of [2, 0, 0]) add(dateOf(daysAgo), 'installed')
    const cycles = [...expected.keys()].sort()
    expect(result.keys).toEqual(cycles)
    expect(result.series.map((series) => series.values)).toEqual([cycles.map((c) => expected.get(c)!.published), cycles.map((c) => expected.get(c)!.installed)])
  })

  it('failed patch installs per day from job results (the outcome Failed or Download Failed)', async () => {
    const result = await grid('failedInstalls', 4, EVERYONE, 'bar')
    expect(result.keys).toEqual([dateOf(3), dateOf(2), dateOf(1), dateOf(0)])
    expect(result.series[0].values).toEqual([0, 0, 1, 1])
  })

  it('a scoped viewer sees the history of the assets in their scope only', async () => {
    expect(round((await grid('compliance', 4, BERLIN)).series[0].values)).toEqual([0, 50, 50, 100])
    expect((await grid('failedInstalls', 4, BERLIN, 'bar')).series[0].values).toEqual([0, 0, 1, 0])
    const time = await grid('timeToPatch', 4, BERLIN, 'table')
    expect(time.keys).toEqual(['Critical', 'Low'])
    expect(round(time.series[0].values)).toEqual([4, 6])
  })
})
