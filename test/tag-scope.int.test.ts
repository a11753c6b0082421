// Tag scope in the repositories: each function over tag-scoped rows, called with a Berlin reader's scope and even with a
// filter that lets everything through, never returns or counts the London asset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { scanDocumentSchema, type ScanDocumentInput } from '@/ingest/schema/scan'
import { writeScans } from '@/ingest/writer'
import { compileQql, type QqlScope } from '@/lib/qql'
import { findAsset, listAssets, listAssetTags } from '@/lib/repositories/assets'
import { listFindings } from '@/lib/repositories/findings'
import type { SqlFilter } from '@/lib/repositories/paging'
import { listPatches } from '@/lib/repositories/patches'
import { lookupTokenValues } from '@/lib/repositories/token-values'
import { openTestDatabase } from '@/test/database'

const BERLIN: QqlScope = { all: false, tags: ['Site-Berlin'] }
const NO_TAGS: QqlScope = { all: false, tags: [] }
/** What a caller that forgot the scope in its filter would pass. */
const EVERYTHING: SqlFilter = { where: '1', params: {} }
const CURRENT_FINDINGS: SqlFilter = { where: 'f.is_deleted = 0', params: {} }
const FIRST_PAGE = { dir: 'asc', page: 1, pageSize: 50 } as const

function scan(id: string, site: string, operatingSystem: string, patches: { id: string; status: 'Missing' | 'Installed' }[]): ScanDocumentInput {
  return {
    scannedAt: '2026-11-01T08:00:00Z',
    asset: { id, name: `WKS-${id.toUpperCase()}`, operatingSystem, tags: [site] },
    patches: patches.map((patch) => ({ ...patch, title: `Patch ${patch.id}`, vendor: 'Microsoft', vendorSeverity: 'Critical', isSecurity: true })),
  }
}

let db: Database
let close: () => Promise<void>
beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  const scans = [
    scan('berlin-1', 'Site-Berlin', 'Windows 11', [{ id: 'p1', status: 'Missing' }]),
    scan('london-1', 'Site-London', 'Windows Server 2022', [
      { id: 'p1', status: 'Missing' },
      { id: 'p2', status: 'Installed' },
    ]),
  ]
  await writeScans(db, scans.map((document) => scanDocumentSchema.parse(document)))
})
afterAll(async () => close())

describe('repositories of tag-scoped rows take the reader scope and apply it themselves', () => {
  it('listAssets: only in-scope assets, in the rows and in the total', async () => {
    const page = await listAssets(db, BERLIN, { filter: EVERYTHING, sort: 'name', ...FIRST_PAGE })
    expect(page).toMatchObject({ total: 1, rows: [{ id: 'berlin-1' }] })
    expect(await listAssets(db, NO_TAGS, { filter: EVERYTHING, sort: 'name', ...FIRST_PAGE })).toEqual({ total: 0, rows: [] })
  })

  it('listAssets: a filter compiled for someone who sees everything does not widen the reader scope', async () => {
    const compiled = compileQql({ query: '', entity: 'assets', user: { scope: { all: true, tags: [] }, timeZone: 'UTC' } })
    if (!compiled.ok) throw new Error('the empty query compiles')
    const page = await listAssets(db, BERLIN, { filter: compiled, sort: 'name', ...FIRST_PAGE })
    expect(page.rows.map((row) => row.id)).toEqual(['berlin-1'])
  })

  it('findAsset: an out-of-scope asset is not found', async () => {
    expect(await findAsset(db, BERLIN, 'london-1')).toBeNull()
    expect(await findAsset(db, BERLIN, 'berlin-1')).toMatchObject({ id: 'berlin-1' })
  })

  it('listAssetTags: only the tags of in-scope assets', async () => {
    expect(await listAssetTags(db, BERLIN)).toEqual(['Site-Berlin'])
  })

  it('listFindings: only findings of in-scope assets, also when narrowed to an out-of-scope asset or a shared patch', async () => {
    const all = await listFindings(db, BERLIN, { filter: CURRENT_FINDINGS, sort: 'asset', ...FIRST_PAGE })
    expect(all).toMatchObject({ total: 1, rows: [{ assetId: 'berlin-1', patchId: 'p1' }] })
    const ofLondon = await listFindings(db, BERLIN, { filter: CURRENT_FINDINGS, of: { assetId: 'london-1' }, sort: 'asset', ...FIRST_PAGE })
    expect(ofLondon).toEqual({ total: 0, rows: [] })
    const ofPatch = await listFindings(db, BERLIN, { filter: CURRENT_FINDINGS, of: { patchId: 'p1' }, sort: 'asset', ...FIRST_PAGE })
    expect(ofPatch.rows.map((row) => row.assetId)).toEqual(['berlin-1'])
  })

  it('listPatches: the catalog is global, its counts cover in-scope assets only', async () => {
    const page = await listPatches(db, BERLIN, { filter: EVERYTHING, sort: 'title', ...FIRST_PAGE })
    expect(page.rows.map(({ id, missingCount, installedCount }) => ({ id, missingCount, installedCount }))).toEqual([
      { id: 'p1', missingCount: 1, installedCount: 0 },
      { id: 'p2', missingCount: 0, installedCount: 0 },
    ])
  })

  it('lookupTokenValues: autocomplete offers only values of in-scope assets', async () => {
    expect(await lookupTokenValues(db, BERLIN, { entity: 'assets', token: 'name', prefix: 'WKS', limit: 10 })).toEqual(['WKS-BERLIN-1'])
    expect(await lookupTokenValues(db, BERLIN, { entity: 'assets', token: 'operatingSystem', prefix: 'Windows', limit: 10 })).toEqual(['Windows 11'])
    expect(await lookupTokenValues(db, NO_TAGS, { entity: 'assets', token: 'name', prefix: '', limit: 10 })).toEqual([])
  })

  it('the scope is a required argument: a call without it does not type-check', () => {
    const unscoped = () =>
      // @ts-expect-error listAssets(db, scope, request): the reader scope cannot be left out
      listAssets(db, { filter: EVERYTHING, sort: 'name', ...FIRST_PAGE })
    expect(typeof unscoped).toBe('function')
  })
})
