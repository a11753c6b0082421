// QQL-driven lists, details, autocomplete, validation and saved/recent searches against a seeded embedded engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { seedDemoEstate } from '@/ingest/seed'
import type { SessionUser } from '@/lib/auth/user'
import { DomainError } from '@/lib/errors'
import { compileQql } from '@/lib/qql'
import { recordRecentSearch } from '@/lib/repositories/searches'
import { fetchAssetDetail, fetchRelatedFindings, detailListQuery } from '@/lib/services/details'
import { assetListQuery, fetchAssetPage, fetchFindingPage, fetchPatchPage, findingListQuery, patchListQuery } from '@/lib/services/lists'
import { ASSET_QUICK_FILTERS, FINDING_QUICK_FILTERS, PATCH_QUICK_FILTERS } from '@/lib/services/quick-filters'
import { changeSearch, removeSearch, saveSearch, searchesFor } from '@/lib/services/saved-searches'
import { recentSearchesFor, requireSearch, searchForPage, suggestSearch, validateSearch } from '@/lib/services/search'
import { openTestDatabase } from './database'

let db: Database
let close: () => Promise<void>
const admin: SessionUser = { id: 'u-admin', email: 'admin@test', name: 'Admin', role: 'Administrator', scope: { all: true, tags: [] }, timeZone: 'UTC' }
const berlin: SessionUser = { id: 'u-berlin', email: 'berlin@test', name: 'Berlin reader', role: 'Patch Reader', scope: { all: false, tags: ['Site-Berlin'] }, timeZone: 'UTC' }
const nobody: SessionUser = { ...berlin, id: 'u-nobody', email: 'nobody@test', scope: { all: false, tags: [] } }

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  await seedDemoEstate(db, { assets: 150, days: 3, seed: 11, endDate: new Date('2026-11-20T12:00:00Z') })
})
afterAll(async () => close())

const allAssets = (user: SessionUser, q = '') => fetchAssetPage(db, user, assetListQuery.parse({ q, pageSize: 500 }))

describe('tag scope on every search surface', () => {
  it('a Site-Berlin reader sees only Berlin assets in the list and its count', async () => {
    const [everything, mine] = await Promise.all([allAssets(admin), allAssets(berlin)])
    const berlinCount = everything.rows.filter((a) => a.tags.includes('Site-Berlin')).length
    expect(berlinCount).toBeGreaterThan(0)
    expect(mine.total).toBe(berlinCount)
    expect(mine.rows.every((a) => a.tags.includes('Site-Berlin'))).toBe(true)
    expect((await allAssets(nobody)).total).toBe(0)
  })

  it('findings, patch counts, details and autocomplete values stay inside the scope', async () => {
    const findings = await fetchFindingPage(db, berlin, findingListQuery.parse({ q: 'status: Missing', pageSize: 500 }))
    const berlinNames = new Set((await allAssets(berlin)).rows.map((a) => a.name))
    expect(findings.rows.length).toBeGreaterThan(0)
    expect(findings.rows.every((f) => berlinNames.has(f.assetName))).toBe(true)

    const [adminPatches, berlinPatches] = await Promise.all([
      fetchPatchPage(db, admin, patchListQuery.parse({ pageSize: 500 })),
      fetchPatchPage(db, berlin, patchListQuery.parse({ pageSize: 500 })),
    ])
    const sum = (rows: { missingCount: number }[]) => rows.reduce((s, r) => s + r.missingCount, 0)
    expect(sum(berlinPatches.rows)).toBeLessThan(sum(adminPatches.rows))
    expect(sum(berlinPatches.rows)).toBe((await fetchFindingPage(db, berlin, findingListQuery.parse({ q: 'status: Missing', pageSize: 1 }))).total)

    const austin = (await allAssets(admin, 'tags.name: Site-Austin')).rows[0]
    expect(await fetchAssetDetail(db, berlin, austin.id)).toBeNull()
    expect((await fetchAssetDetail(db, admin, austin.id))?.name).toBe(austin.name)
    const related = await fetchRelatedFindings(db, berlin, { assetId: austin.id }, detailListQuery.parse({}))
    expect(related.total).toBe(0)

    const names = await suggestSearch(db, berlin, 'assets', 'name: ', 6)
    expect(names.knownValues.length).toBeGreaterThan(0)
    expect(names.knownValues.every((name) => berlinNames.has(name))).toBe(true)
    const tags = await suggestSearch(db, berlin, 'assets', 'tags.name: Site', 15)
    expect(tags.knownValues).toEqual(['Site-Berlin'])
  })
})

describe('query handling', () => {
  it('answers an invalid query with a 400 listing each error and its position', () => {
    try {
      requireSearch('assets', 'vendorSeverity: and (', admin)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError)
      expect((error as DomainError).kind).toBe('invalid')
      expect(((error as DomainError).details as { errors: { start: number }[] }).errors[0].start).toBe(16)
    }
  })

  it('validates a v1 query and returns its v2 form and reading', () => {
    const result = validateSearch('assets', 'os: "Windows 11" and isLatest: true', 1)
    expect(result.valid).toBe(false)
    const assets = validateSearch('assets', 'os: "Windows 11"', 1)
    expect(assets).toMatchObject({ valid: true, migrated: 'operatingSystem: "Windows 11"' })
    expect(assets.explain).toContain('operatingSystem')
    const patches = validateSearch('patches', 'isLatest: true', 1)
    expect(patches.migrated).toBe('isSuperseded: false')
  })

  it('filters with the same rows as the hand-written condition', async () => {
    const viaQql = await allAssets(admin, 'missingCriticalCount > 0 and osFamily: Windows')
    const [{ c }] = await db.query<{ c: number }>("SELECT toUInt32(count()) AS c FROM assets FINAL WHERE missing_critical_count > 0 AND os_family = 'Windows'")
    expect(viaQql.total).toBe(c)
  })

  it('every quick filter compiles for its list', () => {
    for (const [entity, filters] of [['assets', ASSET_QUICK_FILTERS], ['patches', PATCH_QUICK_FILTERS], ['findings', FINDING_QUICK_FILTERS]] as const) {
      for (const filter of filters) expect(compileQql({ query: filter.clause, entity, user: admin }).ok, `${entity}: ${filter.clause}`).toBe(true)
    }
  })
})

describe('saved and recent searches', () => {
  it('keeps private searches private, shares shared ones, and lets only the owner change them', async () => {
    const mine = await saveSearch(db, berlin, { name: 'Berlin criticals', entity: 'assets', query: 'missingCriticalCount > 0', tokenVersion: 2, shared: false })
    expect((await searchesFor(db, admin, 'assets')).saved.map((s) => s.id)).not.toContain(mine.id)
    await changeSearch(db, berlin, mine.id, { shared: true })
    const seenByAdmin = (await searchesFor(db, admin, 'assets')).saved.find((s) => s.id === mine.id)
    expect(seenByAdmin).toMatchObject({ name: 'Berlin criticals', shared: true, mine: false })
    const other: SessionUser = { ...berlin, id: 'u-other' }
    await expect(changeSearch(db, other, mine.id, { name: 'hijacked' })).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(saveSearch(db, berlin, { name: 'broken', entity: 'assets', query: 'name: (', tokenVersion: 2, shared: false })).rejects.toMatchObject({
      kind: 'invalid',
      code: 'INVALID_QUERY',
    })
    await removeSearch(db, berlin, mine.id)
    expect((await searchesFor(db, berlin, 'assets')).saved).toEqual([])
  })

  it('remembers the last ten distinct searches, newest first', async () => {
    for (let i = 0; i < 12; i++) await recordRecentSearch(db, berlin.id, 'patches', `missingCount > ${i}`, 2)
    await recordRecentSearch(db, berlin.id, 'patches', 'missingCount > 3', 2)
    const { recent } = await searchesFor(db, berlin, 'patches')
    expect(recent).toHaveLength(10)
    expect(recent[0].query).toBe('missingCount > 3')
    expect(recent.map((r) => r.query)).not.toContain('missingCount > 0')
  })

  it('remembers a search at the token version it was run at, so a v1 search reopens as v1', async () => {
    const v1 = 'title: x AND isLatest: true'
    const result = await searchForPage(db, berlin, 'patches', v1, 1)
    expect(result.ok).toBe(true)
    expect((await recentSearchesFor(db, berlin, 'patches'))[0]).toEqual({ query: v1, version: 1 })
  })
})
