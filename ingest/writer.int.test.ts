// The scan writer against the embedded engine: current state, tombstones, events, history, idempotency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { openTestDatabase } from '@/test/database'
import { patchCatalogSchema, scanDocumentSchema, type ScanDocumentInput } from './schema/scan'
import { upsertCatalog, writeScans } from './writer'

let db: Database
let close: () => Promise<void>
beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
})
afterAll(async () => close())

const patch = (id: string, status: 'Missing' | 'Installed', vendorSeverity: 'Critical' | 'Low' = 'Low') => ({
  id,
  title: `Patch ${id}`,
  vendor: 'Microsoft',
  vendorSeverity,
  isSecurity: vendorSeverity === 'Critical',
  status,
})

function scan(assetId: string, scannedAt: string, patches: ReturnType<typeof patch>[], scanId?: string): ScanDocumentInput {
  return { scanId, scannedAt, asset: { id: assetId, name: `WKS-${assetId}`, operatingSystem: 'Windows 11', tags: ['Site-Berlin'] }, patches }
}

const write = (docs: ScanDocumentInput[]) => writeScans(db, docs.map((d) => scanDocumentSchema.parse(d)))

async function current(assetId: string) {
  return db.query<{ patch_id: string; status: string }>(
    'SELECT patch_id, status FROM findings FINAL WHERE asset_id = {id:String} AND is_deleted = 0 ORDER BY patch_id',
    { id: assetId },
  )
}

describe('writeScans', () => {
  it('stores the first scan as current state with counts and a scan summary', async () => {
    const result = await write([scan('a1', '2026-11-01T08:00:00Z', [patch('p1', 'Missing', 'Critical'), patch('p2', 'Installed'), patch('p3', 'Missing')], 's1')])
    expect(result).toMatchObject({ accepted: 1, duplicates: 0, stale: 0, findingsWritten: 3, events: 3 })
    expect(await current('a1')).toEqual([
      { patch_id: 'p1', status: 'Missing' },
      { patch_id: 'p2', status: 'Installed' },
      { patch_id: 'p3', status: 'Missing' },
    ])
    const [asset] = await db.query<{ missing_count: number; missing_critical_count: number; installed_count: number }>(
      "SELECT missing_count, missing_critical_count, installed_count FROM assets FINAL WHERE asset_id = 'a1'",
    )
    expect(asset).toEqual({ missing_count: 2, missing_critical_count: 1, installed_count: 1 })
  })

  it('a newer scan replaces the state: changed pairs written, dropped pairs tombstoned, each change an event', async () => {
    const result = await write([scan('a1', '2026-11-02T08:00:00Z', [patch('p1', 'Installed', 'Critical'), patch('p2', 'Installed'), patch('p4', 'Missing')], 's2')])
    expect(result).toMatchObject({ accepted: 1, findingsWritten: 3, events: 3 })
    expect(await current('a1')).toEqual([
      { patch_id: 'p1', status: 'Installed' },
      { patch_id: 'p2', status: 'Installed' },
      { patch_id: 'p4', status: 'Missing' },
    ])
    const events = await db.query<{ patch_id: string; event: string; previous_status: string }>(
      "SELECT patch_id, event, previous_status FROM finding_events WHERE scan_id = 's2' ORDER BY patch_id",
    )
    expect(events).toEqual([
      { patch_id: 'p1', event: 'installed', previous_status: 'Missing' },
      { patch_id: 'p3', event: 'removed', previous_status: 'Missing' },
      { patch_id: 'p4', event: 'missing', previous_status: '' },
    ])
  })

  it('re-sending a scan changes nothing (same scanId, or same content without one)', async () => {
    const before = await db.query<{ c: number }>('SELECT toUInt32(count()) AS c FROM finding_events')
    const again = await write([scan('a1', '2026-11-02T08:00:00Z', [patch('p1', 'Installed', 'Critical'), patch('p2', 'Installed'), patch('p4', 'Missing')], 's2')])
    expect(again).toMatchObject({ accepted: 0, duplicates: 1 })
    const anonymous = scan('a2', '2026-11-02T09:00:00Z', [patch('p1', 'Missing', 'Critical')])
    expect(await write([anonymous])).toMatchObject({ accepted: 1 })
    expect(await write([anonymous, anonymous])).toMatchObject({ accepted: 0, duplicates: 2 })
    const after = await db.query<{ c: number }>('SELECT toUInt32(count()) AS c FROM finding_events')
    expect(after[0].c).toBe(before[0].c + 1)
  })

  it('an older scan goes to history but does not overwrite current state', async () => {
    const result = await write([scan('a1', '2026-10-30T08:00:00Z', [patch('p9', 'Missing')], 's0')])
    expect(result).toMatchObject({ accepted: 1, stale: 1, findingsWritten: 0 })
    expect((await current('a1')).map((f) => f.patch_id)).toEqual(['p1', 'p2', 'p4'])
    const [history] = await db.query<{ applied: number }>("SELECT applied FROM asset_scans WHERE scan_id = 's0'")
    expect(history.applied).toBe(0)
  })

  it('applies several scans of one asset in one batch in time order', async () => {
    await write([
      scan('a3', '2026-11-03T08:00:00Z', [patch('p1', 'Installed')], 'b2'),
      scan('a3', '2026-11-01T08:00:00Z', [patch('p1', 'Missing')], 'b1'),
    ])
    expect(await current('a3')).toEqual([{ patch_id: 'p1', status: 'Installed' }])
    const events = await db.query<{ event: string }>("SELECT event FROM finding_events WHERE asset_id = 'a3' ORDER BY event_at")
    expect(events.map((e) => e.event)).toEqual(['missing', 'installed'])
  })

  it('stores every column of findings and events exactly, also for ids with tabs, newlines, backslashes and quotes', async () => {
    const odd = 'a\t5\\x\n"y\'\r ü€{stage}\\\''
    const patchId = 'p\\t\t"1\n'
    await write([scan(odd, '2026-11-01T08:00:00.123Z', [patch(patchId, 'Missing', 'Critical'), { ...patch('p2', 'Installed'), installedAt: '2026-10-15T04:00:00Z' } as ReturnType<typeof patch>], 'o\t1')])
    const findings = (scanId: string) => db.query<Record<string, unknown>>(
      'SELECT asset_id, patch_id, status, first_seen_at, installed_at, changed_at, scan_id, version, is_deleted FROM findings WHERE asset_id = {id:String} AND scan_id = {scan:String} ORDER BY patch_id',
      { id: odd, scan: scanId },
    )
    expect(await findings('o\t1')).toEqual([
      { asset_id: odd, patch_id: 'p2', status: 'Installed', first_seen_at: '2026-11-01T08:00:00.123Z', installed_at: '2026-10-15T04:00:00.000Z', changed_at: '2026-11-01T08:00:00.123Z', scan_id: 'o\t1', version: 1793520000123, is_deleted: 0 },
      { asset_id: odd, patch_id: patchId, status: 'Missing', first_seen_at: '2026-11-01T08:00:00.123Z', installed_at: null, changed_at: '2026-11-01T08:00:00.123Z', scan_id: 'o\t1', version: 1793520000123, is_deleted: 0 },
    ])
    await write([scan(odd, '2026-11-02T08:00:00Z', [patch('p2', 'Installed')], 'o\n2')])
    expect(await findings('o\n2')).toEqual([
      { asset_id: odd, patch_id: patchId, status: 'Missing', first_seen_at: '2026-11-01T08:00:00.123Z', installed_at: null, changed_at: '2026-11-02T08:00:00.000Z', scan_id: 'o\n2', version: 1793606400000, is_deleted: 1 },
    ])
    const events = await db.query<Record<string, unknown>>(
      'SELECT event_at, asset_id, patch_id, event, previous_status, vendor_severity, first_seen_at, scan_id FROM finding_events WHERE asset_id = {id:String} ORDER BY event_at, patch_id',
      { id: odd },
    )
    expect(events).toEqual([
      { event_at: '2026-11-01T08:00:00.123Z', asset_id: odd, patch_id: 'p2', event: 'installed', previous_status: '', vendor_severity: 'Low', first_seen_at: '2026-11-01T08:00:00.123Z', scan_id: 'o\t1' },
      { event_at: '2026-11-01T08:00:00.123Z', asset_id: odd, patch_id: patchId, event: 'missing', previous_status: '', vendor_severity: 'Critical', first_seen_at: '2026-11-01T08:00:00.123Z', scan_id: 'o\t1' },
      { event_at: '2026-11-02T08:00:00.000Z', asset_id: odd, patch_id: patchId, event: 'removed', previous_status: 'Missing', vendor_severity: '', first_seen_at: '2026-11-01T08:00:00.123Z', scan_id: 'o\n2' },
    ])
  })

  it('an undated inline description never undoes a dated catalog update', async () => {
    await upsertCatalog(db, [patchCatalogSchema.parse({ id: 'p7', title: 'Patch p7', publishedAt: '2026-10-01T00:00:00Z' })])
    await upsertCatalog(db, [patchCatalogSchema.parse({ id: 'p7', title: 'Patch p7', isSuperseded: true, supersededBy: ['p8'], publishedAt: '2026-10-01T00:00:00Z', modifiedAt: '2026-10-20T00:00:00Z' })])
    await write([scan('a4', '2026-11-05T08:00:00Z', [{ ...patch('p7', 'Missing'), publishedAt: '2026-10-01T00:00:00Z' } as ReturnType<typeof patch>])])
    const [stored] = await db.query<{ is_superseded: boolean }>("SELECT is_superseded FROM patches FINAL WHERE patch_id = 'p7'")
    expect(Boolean(stored.is_superseded)).toBe(true)
  })
})
