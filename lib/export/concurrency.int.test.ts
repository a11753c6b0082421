// Bound streams beside bound queries on the embedded engine: a large export while 20 list queries run, every result right.
import { Writable } from 'node:stream'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { writeSyntheticEstate } from '@/bench/export-estate'
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import { fetchAssetPage, fetchFindingPage } from '@/lib/services/lists'
import { openTestDatabase } from '@/test/database'
import { runExport } from './run'

const ASSETS = 2_000
const PATCHES = 100
const siteA: SessionUser = { id: 'u1', email: 'a@example.com', name: 'A', role: 'Patch Reader', scope: { all: false, tags: ['Site-A'] }, timeZone: 'UTC' }

let db: Database
let close: () => Promise<void>
beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  await writeSyntheticEstate(db, { assets: ASSETS, patchesPerAsset: PATCHES })
}, 120_000)
afterAll(async () => close())

/** A sink that keeps only what the check needs: the byte count and each line's first field. */
function countingSink(): { sink: Writable; lines: () => string[] } {
  let tail = ''
  const firsts: string[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const text = tail + chunk.toString('utf8')
      const lines = text.split('\r\n')
      tail = lines.pop() ?? ''
      for (const line of lines) firsts.push(line.slice(0, line.indexOf(',')))
      done()
    },
  })
  return { sink, lines: () => firsts }
}

it('an export streams while 20 parameterised list queries run: each query answers its own values, the export every row', async () => {
  // Three exports with different bound values start among the list queries, so stream binds and query binds interleave.
  const exports = (['Site-A', 'Site-B', 'Site-A'] as const).map((site, index) => {
    const { sink, lines } = countingSink()
    const user = { ...siteA, scope: { all: false, tags: [site] } }
    const query = index === 2 ? 'status: Missing' : ''
    return { site, query, lines, done: runExport({ db, user, entity: 'findings', format: 'csv', query, columns: ['asset.id', 'patch.id', 'asset.tags.name'] }, sink) }
  })
  const lists = Array.from({ length: 20 }, async (_, i) => {
    const id = `asset-${i * 2}`
    const [assets, findings] = await Promise.all([
      fetchAssetPage(db, siteA, { q: `id: ${id}`, v: 2, sort: 'name', dir: 'asc', page: 1, pageSize: 50 }),
      fetchFindingPage(db, siteA, { q: `asset.id: ${id} AND patch.id: patch-${i}`, v: 2, sort: 'patch', dir: 'asc', page: 1, pageSize: 50 }),
    ])
    return { id, i, assets, findings }
  })
  for (const { id, i, assets, findings } of await Promise.all(lists)) {
    expect(assets.rows.map((row) => row.id)).toEqual([id])
    expect(findings.rows.map((row) => [row.assetId, row.patchId])).toEqual([[id, `patch-${i}`]])
  }
  const half = (ASSETS / 2) * PATCHES
  for (const { site, query, lines, done } of exports) {
    const result = await done
    const expected = query === '' ? half : half - Math.ceil(half / 3)
    expect(result.rows).toBe(expected)
    const ids = lines().slice(1)
    expect(ids).toHaveLength(expected)
    // Site-A holds the even assets, Site-B the odd ones: a clobbered scope value would show the other site's assets.
    const parity = site === 'Site-A' ? 0 : 1
    expect(ids.every((quoted) => Number(quoted.slice(7, -1)) % 2 === parity)).toBe(true)
  }
}, 240_000)
