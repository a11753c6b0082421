// Stacked bars over a seeded demo estate: every segment — a shown stack value, the "Other" segment, under a shown bar and
// under the "Other" bar — drills to a list whose total is the segment's value, with dashboard filters, for a scoped viewer too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { seedDemoEstate } from '@/ingest/seed'
import { WidgetResultCache } from '@/lib/dashboards/cache'
import { runWidgets } from '@/lib/dashboards/run'
import { compileQql, type QqlUser } from '@/lib/qql'
import { listAssets } from '@/lib/repositories/assets'
import { listFindings } from '@/lib/repositories/findings'
import { openTestDatabase } from '@/test/database'
import { drillDown } from '../drill-down'
import { presentWidget } from '../present'
import { NO_FILTERS, type DashboardFilters, type Widget } from '../schema'
import { OTHER_KEY } from '../shared/data'
import { BERLIN, EVERYONE, widget } from '../test-helpers'

let db: Database
let close: () => Promise<void>
beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  await seedDemoEstate(db, { assets: 60, days: 12, seed: 11 })
}, 180_000)
afterAll(async () => close())

const VIEWERS = [['everyone', EVERYONE], ['a viewer scoped to Site-Berlin', BERLIN]] as const

const STACKED: Widget[] = [
  // "Other" bars and "Other" segments.
  widget({ type: 'bar', entity: 'findings', query: 'status: Missing', groupBy: { token: 'patch.vendor' }, limit: 2, other: true, stackBy: { token: 'asset.operatingSystem' }, stackLimit: 2 }),
  // Top N bars only; segments ranked over those bars.
  widget({ type: 'bar', entity: 'findings', groupBy: { token: 'asset.operatingSystem' }, limit: 3, stackBy: { token: 'patch.vendor' }, stackLimit: 2 }),
  // A date stack: "Other" is none of the shown days (in the viewer's zone).
  widget({ type: 'bar', entity: 'findings', groupBy: { token: 'patch.vendorSeverity' }, stackBy: { token: 'firstSeenDate', bucket: 'day' }, stackLimit: 3 }),
  // Assets: a list token as the bars (an asset counts in each of its tags' bars).
  widget({ type: 'bar', entity: 'assets', groupBy: { token: 'tags.name' }, limit: 3, other: true, stackBy: { token: 'operatingSystem' }, stackLimit: 1 }),
]

async function listTotal(list: string, query: string, user: QqlUser): Promise<number> {
  const entity = list === 'assets' ? 'assets' : 'findings'
  const compiled = compileQql({ query, entity, user })
  if (!compiled.ok) throw new Error(`${query}: ${JSON.stringify(compiled.errors)}`)
  const page = { filter: compiled, dir: 'asc' as const, page: 1, pageSize: 1 }
  return entity === 'assets' ? (await listAssets(db, user.scope, { ...page, sort: 'name' })).total : (await listFindings(db, user.scope, { ...page, sort: 'asset' })).total
}

async function checkSegments(user: QqlUser, filters: DashboardFilters): Promise<{ shown: number; other: number }> {
  const results = await runWidgets(db, STACKED, { user, filters, cache: new WidgetResultCache() })
  const checked = { shown: 0, other: 0 }
  for (const [index, stacked] of STACKED.entries()) {
    const view = presentWidget(stacked, results[index], user.timeZone)
    if (view.kind !== 'chart') throw new Error(`${index}: ${JSON.stringify(view)}`)
    expect(view.grid.series.length, `widget ${index} shows at most stackLimit values and "Other"`).toBeLessThanOrEqual((stacked.type === 'bar' ? stacked.stackLimit : 0) + 1)
    for (const series of view.grid.series) {
      for (const [keyIndex, key] of view.grid.keys.entries()) {
        const value = series.values[keyIndex]
        if (value === null) continue
        const target = drillDown(stacked, filters, { key, series: series.key }, view.grid)
        if (target === null) throw new Error(`widget ${index}: no drill-down for ${key} / ${series.key}`)
        expect(target.totalEqualsValue).toBe(true)
        expect(await listTotal(target.list, target.query, user), `widget ${index} → ${target.query}`).toBe(value)
        checked[series.key === OTHER_KEY || key === OTHER_KEY ? 'other' : 'shown']++
      }
    }
  }
  return checked
}

describe.each(VIEWERS)('stacked bars with "Other", for %s', (_name, user) => {
  it('every segment drills to a list whose total is its value', async () => {
    const checked = await checkSegments(user, NO_FILTERS)
    expect(checked.shown).toBeGreaterThan(5)
    expect(checked.other).toBeGreaterThan(3)
  })

  it('and so with dashboard filters', async () => {
    const checked = await checkSegments(user, { query: 'osFamily: Windows OR osFamily: Linux', tags: ['Site-Berlin', 'Site-Pune'] })
    expect(checked.shown).toBeGreaterThan(3)
    expect(checked.other).toBeGreaterThan(0)
  })
})
