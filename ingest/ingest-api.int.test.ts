// The agent ingest API end to end against the embedded engine: bad input, idempotency, ordering, keys, quarantine, history.
import crypto from 'node:crypto'
import zlib from 'node:zlib'
import { NextRequest } from 'next/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as postCatalog } from '@/app/api/v1/ingest/catalog/route'
import { POST as postJobResults } from '@/app/api/v1/ingest/job-results/route'
import { POST as postScans } from '@/app/api/v1/ingest/scans/route'
import type { Database } from '@/clickhouse/client'
import { createDemoEstate } from '@/ingest/demo/generator'
import { ingestBody } from '@/ingest/pipeline'
import { MAX_QUARANTINED_PER_REQUEST } from '@/ingest/request-quarantine'
import type { SessionUser } from '@/lib/auth/user'
import { listActivationKeys } from '@/lib/repositories/activation-keys'
import { listIngestHistory } from '@/lib/repositories/ingest-history'
import { getQuarantined, listQuarantine } from '@/lib/repositories/quarantine'
import { readHealth } from '@/lib/repositories/health'
import { createActivationKey, revokeActivationKey } from '@/lib/services/activation-keys'
import { requireAssetDetail } from '@/lib/services/details'
import { openTestDatabase } from '@/test/database'

let db: Database
let close: () => Promise<void>
let key: string
let revokedKey: string
const admin: SessionUser = { id: 'admin-1', email: 'admin@test', name: 'Admin', role: 'Administrator', scope: { all: true, tags: [] }, timeZone: 'UTC' } as SessionUser

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  key = (await createActivationKey(db, admin, { title: 'Fleet A', tags: ['Agent-Fleet'] })).key
  const revoked = await createActivationKey(db, admin, { title: 'Old', tags: [] })
  revokedKey = revoked.key
  await revokeActivationKey(db, admin, revoked.id)
})
afterAll(async () => close())

type Body = string | Buffer | undefined
function request(body: Body, headers: Record<string, string> = {}, authorization: string | null = `Bearer ${key}`) {
  const all: Record<string, string> = { 'content-type': 'application/x-ndjson', ...headers }
  if (authorization) all.authorization = authorization
  return new NextRequest('http://localhost/api/v1/ingest/scans', { method: 'POST', headers: all, body: body === undefined ? undefined : new Uint8Array(typeof body === 'string' ? Buffer.from(body) : body) })
}
async function send(post: (request: NextRequest) => Promise<Response>, body: Body, headers?: Record<string, string>, authorization?: string | null) {
  const response = await post(request(body, headers, authorization))
  return { status: response.status, body: await response.json() }
}

const patch = (id: string, status: 'Missing' | 'Installed', extra: Record<string, unknown> = {}) => ({ id, title: `Patch ${id}`, vendor: 'Microsoft', vendorSeverity: 'Important', status, ...extra })
const scan = (assetId: string, scannedAt: string, patches: object[], extra: Record<string, unknown> = {}) => ({
  scanId: `${assetId}@${scannedAt}`,
  scannedAt,
  asset: { id: assetId, name: `WKS-${assetId}`, operatingSystem: 'Windows 11', tags: ['Site-Berlin'] },
  patches,
  ...extra,
})
const ndjson = (docs: object[]) => docs.map((doc) => JSON.stringify(doc)).join('\n') + '\n'

async function counts() {
  const [row] = await db.query<Record<string, number>>(
    `SELECT (SELECT toUInt32(count()) FROM assets FINAL) AS assets,
            (SELECT toUInt32(count()) FROM findings FINAL WHERE is_deleted = 0) AS findings,
            (SELECT toUInt32(count()) FROM finding_events) AS events,
            (SELECT toUInt32(count()) FROM asset_scans) AS scans`,
  )
  return row
}

describe('agent ingest API', () => {
  it('accepts NDJSON scans, adds the key tags to the assets, and reports the counts', async () => {
    const docs = [
      scan('a1', '2026-11-01T08:00:00Z', [patch('p1', 'Missing'), patch('p2', 'Installed', { installedAt: 1761900000000 })]),
      scan('a2', '2026-11-01T08:00:00Z', [patch('p1', 'Missing')], { agentVersion: '7.1' }),
    ]
    const { status, body } = await send(postScans, ndjson(docs))
    expect(status).toBe(200)
    expect(body).toMatchObject({ accepted: 2, rejected: 0, duplicates: 0, findings: 3, unknownFields: 1, errors: [], errorsTotal: 0 })
    const [asset] = await db.query<{ tags: string[] }>("SELECT tags FROM assets FINAL WHERE asset_id = 'a1'")
    expect(asset.tags).toEqual(['Site-Berlin', 'Agent-Fleet'])
    expect(await counts()).toMatchObject({ assets: 2, findings: 3, scans: 2 })
  })

  const bad: { name: string; body: Body; headers?: Record<string, string>; authorization?: string | null; status: number; code?: string; message: RegExp; path?: string }[] = [
    { name: 'malformed JSON', body: '{"scanId": "x", "scannedAt": }\n', status: 422, message: /invalid JSON/ },
    { name: 'an unfinished JSON document', body: '{"scanId": "x", "asset": {', headers: { 'content-type': 'application/json' }, status: 422, message: /document is incomplete/ },
    { name: 'a truncated gzip', body: zlib.gzipSync(ndjson([scan('t1', '2026-11-01T08:00:00Z', [patch('p1', 'Missing')])])).subarray(0, 40), status: 400, code: 'BAD_GZIP', message: /gzip stream is truncated/ },
    { name: 'wrong types', body: ndjson([{ ...scan('w1', '2026-11-01T08:00:00Z', []), scannedAt: true }]), status: 422, message: /^expected a date \(ISO-8601 text or epoch milliseconds\), got a boolean$/, path: 'scannedAt' },
    { name: 'a missing asset id', body: ndjson([{ ...scan('m1', '2026-11-01T08:00:00Z', []), asset: { name: 'no id' } }]), status: 422, message: /^required field is missing \(expected text\)$/, path: 'asset.id' },
    { name: 'a 10 MB title', body: ndjson([scan('big', '2026-11-01T08:00:00Z', [patch('p1', 'Missing', { title: 'x'.repeat(10 * 1024 * 1024) })])]), status: 422, message: /^text is too long: 10,485,760 characters, at most 2,048 allowed$/, path: 'patches.0.title' },
    { name: 'a future date', body: ndjson([scan('f1', '2099-01-01T00:00:00Z', [patch('p1', 'Missing')])]), status: 422, message: /scannedAt is in the future/, path: 'scannedAt' },
    { name: 'duplicate patches in one scan', body: ndjson([scan('d1', '2026-11-01T08:00:00Z', [patch('p1', 'Missing'), patch('p1', 'Installed')])]), status: 422, message: /patch p1 is listed twice/, path: 'patches.1.id' },
    { name: 'an unknown status', body: ndjson([scan('u1', '2026-11-01T08:00:00Z', [patch('p1', 'Broken' as 'Missing')])]), status: 422, message: /^expected one of "Missing" \| "Installed", got "Broken"$/, path: 'patches.0.status' },
    { name: 'invalid UTF-8', body: Buffer.concat([Buffer.from('{"scanId":"bad-'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]), status: 422, message: /not valid UTF-8/ },
    { name: 'an empty body', body: '', status: 400, code: 'EMPTY_BODY', message: /The body is empty/ },
    { name: 'a revoked key', body: ndjson([scan('r1', '2026-11-01T08:00:00Z', [])]), authorization: 'REVOKED', status: 401, code: 'ACTIVATION_KEY_REVOKED', message: /was revoked/ },
    { name: 'no key', body: ndjson([scan('n1', '2026-11-01T08:00:00Z', [])]), authorization: null, status: 401, code: 'NO_ACTIVATION_KEY', message: /No activation key/ },
    { name: 'a wrong secret', body: ndjson([scan('n1', '2026-11-01T08:00:00Z', [])]), authorization: 'WRONG', status: 401, code: 'INVALID_ACTIVATION_KEY', message: /unknown or its secret does not match/ },
  ]

  for (const testCase of bad) {
    it(`rejects ${testCase.name} with ${testCase.status} and leaves the accepted rows intact`, async () => {
      const before = await counts()
      const authorization =
        testCase.authorization === 'REVOKED' ? `Bearer ${revokedKey}` : testCase.authorization === 'WRONG' ? `Bearer ${key.slice(0, -4)}AAAA` : testCase.authorization
      const { status, body } = await send(postScans, testCase.body, testCase.headers, authorization === undefined ? `Bearer ${key}` : authorization)
      expect(status).toBe(testCase.status)
      if (testCase.code) expect(body.error.code).toBe(testCase.code)
      if (status === 422) {
        expect(body).toMatchObject({ accepted: 0, rejected: 1, error: { code: 'DOCUMENTS_REJECTED' } })
        expect(body.errors[0].line).toBe(1)
        expect(body.errors[0].message).toMatch(testCase.message)
        if (testCase.path) expect(body.errors[0].path).toBe(testCase.path)
      } else {
        expect(body.error.message).toMatch(testCase.message)
      }
      expect(await counts()).toEqual(before)
    })
  }

  it('accepts and rejects each document on its own, quarantining the rejects verbatim with line numbers', async () => {
    const badLine = '{"scanId":"broken-1","scannedAt":"2026-11-02T08:00:00Z","asset":{"name":"no id"},"patches":[]}'
    const body = [JSON.stringify(scan('a3', '2026-11-02T08:00:00Z', [patch('p1', 'Missing')])), '', badLine, JSON.stringify(scan('a4', '2026-11-02T08:00:00Z', [patch('p2', 'Missing')]))].join('\n')
    const { status, body: report } = await send(postScans, body)
    expect(status).toBe(422)
    expect(report).toMatchObject({ accepted: 2, rejected: 1, errorsTotal: 1 })
    expect(report.errors).toEqual([{ line: 3, scanId: 'broken-1', path: 'asset.id', message: 'required field is missing (expected text)' }])
    const quarantined = await listQuarantine(db, { ingestId: report.ingestId, limit: 10, offset: 0 })
    expect(quarantined.total).toBe(1)
    const stored = await getQuarantined(db, quarantined.rows[0].id)
    expect(stored?.body.toString('utf8')).toBe(badLine)
    expect(stored?.line).toBe(3)
  })

  it('keeps invalid UTF-8 bytes exactly in the quarantine', async () => {
    const bytes = Buffer.concat([Buffer.from('{"scanId":"latin-'), Buffer.from([0xe9]), Buffer.from('"}')])
    const { body } = await send(postScans, bytes)
    const [row] = (await listQuarantine(db, { ingestId: body.ingestId, limit: 1, offset: 0 })).rows
    expect((await getQuarantined(db, row.id))?.body.equals(bytes)).toBe(true)
  })

  it('lists at most 100 errors with the total', async () => {
    const lines = Array.from({ length: 130 }, (_, i) => `{"scanId":"bad-${i}"`).join('\n')
    const { status, body } = await send(postScans, lines)
    expect(status).toBe(422)
    expect(body.rejected).toBe(130)
    expect(body.errors).toHaveLength(100)
    expect(body.errorsTotal).toBe(130)
  })

  const quarantineRows = async (ingestId: string) =>
    db.query<{ id: string; reason: string; body_bytes: number }>('SELECT quarantine_id AS id, reason, body_bytes FROM quarantine WHERE ingest_id = {ingestId:String} ORDER BY line, id', { ingestId })

  it('a flood cannot write unbounded quarantine rows: 200 KB of `1 1 1 …` is 1,000 rows plus one remainder row, and the report says so', async () => {
    const { status, body } = await send(postScans, '1 '.repeat(100_000), { 'content-type': 'application/json' })
    expect(status).toBe(422)
    expect(body).toMatchObject({ accepted: 0, rejected: 100_000, errorsTotal: 100_000, quarantined: MAX_QUARANTINED_PER_REQUEST, quarantineRemainder: { documents: 99_000, bytes: 99_000, line: 1 } })
    expect(body.errors).toHaveLength(100)
    expect(body.error.message).toMatch(/Only the first 1,000 rejected documents were quarantined one by one; the other 99,000 were quarantined together as one row/)
    const rows = await quarantineRows(body.ingestId)
    expect(rows).toHaveLength(MAX_QUARANTINED_PER_REQUEST + 1)
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length)
    expect(rows.filter((row) => /^99,000 more rejected documents after the first 1,000 of this request/.test(row.reason))).toHaveLength(1)
  })

  it('5 MB of random bytes writes at most 1,001 quarantine rows', async () => {
    const { status, body } = await send(postScans, crypto.randomBytes(5 * 1024 * 1024), { 'content-type': 'application/octet-stream' })
    expect([400, 422]).toContain(status)
    expect((await quarantineRows(body.ingestId)).length).toBeLessThanOrEqual(MAX_QUARANTINED_PER_REQUEST + 1)
  })

  it('beyond the quarantine limit documents are still accepted or rejected on their own; the remainder row keeps the later rejects, one a line', async () => {
    const good = (i: number) => JSON.stringify(scan(`cap-${i}`, '2026-11-02T09:00:00Z', [patch('p1', 'Missing')]))
    const bad = (i: number) => `{"scanId":"cap-bad-${i}","scannedAt":true}`
    const lines = [bad(1), bad(2), good(1), bad(3), bad(4), good(2), bad(5)]
    const body = (async function* () {
      yield Buffer.from(lines.join('\n'))
    })()
    const report = await ingestBody(db, body, { kind: 'scans', format: 'ndjson', source: 'cli', actorId: 'test', actorLabel: 'test', maxQuarantinedDocuments: 2 })
    expect(report).toMatchObject({ accepted: 2, rejected: 5, quarantined: 2, quarantineRemainder: { documents: 3, line: 4 } })
    const rows = await quarantineRows(report.ingestId)
    expect(rows).toHaveLength(3)
    const remainder = rows.find((row) => row.reason.startsWith('3 more rejected documents'))!
    expect(remainder.reason).toMatch(/the first of them: expected a date \(ISO-8601 text or epoch milliseconds\), got a boolean$/)
    expect((await getQuarantined(db, remainder.id))?.body.toString('utf8')).toBe([bad(3), bad(4), bad(5)].join('\n') + '\n')
  })

  it('re-posting the same file changes nothing', async () => {
    const file = ndjson([scan('a5', '2026-11-03T08:00:00Z', [patch('p1', 'Missing'), patch('p3', 'Installed')]), { ...scan('a6', '2026-11-03T08:00:00Z', [patch('p1', 'Missing')]), scanId: undefined }])
    const first = await send(postScans, file)
    expect(first.body).toMatchObject({ accepted: 2, duplicates: 0 })
    const before = await counts()
    const second = await send(postScans, file)
    expect(second.status).toBe(200)
    expect(second.body).toMatchObject({ accepted: 0, duplicates: 2 })
    expect(await counts()).toEqual(before)
  })

  it('a newer scan that drops a patch removes it from current findings and records the change; an older one goes to history only', async () => {
    await send(postScans, ndjson([scan('a7', '2026-11-04T08:00:00Z', [patch('p1', 'Missing'), patch('p2', 'Missing')])]))
    const newer = await send(postScans, ndjson([scan('a7', '2026-11-05T08:00:00Z', [patch('p1', 'Missing')])]))
    expect(newer.body).toMatchObject({ accepted: 1, stale: 0 })
    const current = await db.query<{ patch_id: string }>("SELECT patch_id FROM findings FINAL WHERE asset_id = 'a7' AND is_deleted = 0")
    expect(current.map((row) => row.patch_id)).toEqual(['p1'])
    const events = await db.query<{ event: string }>("SELECT event FROM finding_events WHERE asset_id = 'a7' AND patch_id = 'p2' ORDER BY event_at")
    expect(events.map((row) => row.event)).toEqual(['missing', 'removed'])

    const older = await send(postScans, ndjson([scan('a7', '2026-11-04T20:00:00Z', [patch('p9', 'Missing')])]))
    expect(older.body).toMatchObject({ accepted: 1, stale: 1 })
    const after = await db.query<{ patch_id: string }>("SELECT patch_id FROM findings FINAL WHERE asset_id = 'a7' AND is_deleted = 0")
    expect(after.map((row) => row.patch_id)).toEqual(['p1'])
    const [history] = await db.query<{ c: number }>("SELECT toUInt32(count()) AS c FROM asset_scans WHERE asset_id = 'a7' AND applied = 0")
    expect(history.c).toBe(1)
  })

  it("stores the asset's time zone (the latest applied scan wins, '' when never reported); an unknown zone quarantines that scan with a clear message", async () => {
    const zoned = (assetId: string, at: string, timeZone: unknown) => {
      const doc = scan(assetId, at, [patch('p1', 'Missing')])
      return { ...doc, asset: { ...doc.asset, timeZone } }
    }
    const bad = JSON.stringify(zoned('tz2', '2026-10-20T08:00:00Z', 'Asia/Calcutta-ish'))
    const first = await send(postScans, [JSON.stringify(zoned('tz1', '2026-10-20T08:00:00Z', 'Asia/Kolkata')), bad, JSON.stringify(zoned('tz3', '2026-10-20T08:00:00Z', null))].join('\n'))
    expect(first.status).toBe(422)
    expect(first.body).toMatchObject({ accepted: 2, rejected: 1 })
    expect(first.body.errors).toEqual([{ line: 2, scanId: 'tz2@2026-10-20T08:00:00Z', path: 'asset.timeZone', message: 'unknown time zone "Asia/Calcutta-ish": use an IANA name such as Europe/Berlin or America/New_York' }])
    const [quarantined] = (await listQuarantine(db, { ingestId: first.body.ingestId, limit: 1, offset: 0 })).rows
    expect((await getQuarantined(db, quarantined.id))?.body.toString('utf8')).toBe(bad)

    await send(postScans, ndjson([zoned('tz1', '2026-10-21T08:00:00Z', 'America/New_York'), zoned('tz1', '2026-10-20T20:00:00Z', 'Europe/Berlin')]))
    const zones = await db.query<{ asset_id: string; time_zone: string }>("SELECT asset_id, time_zone FROM assets FINAL WHERE asset_id IN ('tz1', 'tz2', 'tz3') ORDER BY asset_id")
    expect(zones).toEqual([{ asset_id: 'tz1', time_zone: 'America/New_York' }, { asset_id: 'tz3', time_zone: '' }])
    // The asset detail (page fact, GET /api/v1/assets/{id}) shows it.
    expect((await requireAssetDetail(db, admin, 'tz1')).timeZone).toBe('America/New_York')
  })

  it('accepts a gzipped JSON array with epoch-millisecond dates', async () => {
    const docs = [scan('a8', '2026-11-06T08:00:00Z', [patch('p1', 'Missing')]), { ...scan('a9', '2026-11-06T08:00:00Z', []), scannedAt: Date.parse('2026-11-06T08:00:00Z') }]
    const { status, body } = await send(postScans, zlib.gzipSync(JSON.stringify(docs, null, 2)), { 'content-type': 'application/json', 'content-encoding': 'gzip' })
    expect(status).toBe(200)
    expect(body).toMatchObject({ accepted: 2, rejected: 0 })
    const [asset] = await db.query<{ last_scan_at: string }>("SELECT last_scan_at FROM assets FINAL WHERE asset_id = 'a9'")
    expect(asset.last_scan_at).toBe('2026-11-06T08:00:00.000Z')
  })

  it('ingests a whole estate whose Missing patches carry "installedAt": null (and other optional fields null), as scanners write them', async () => {
    const estate = createDemoEstate({ assets: 30, days: 1, seed: 11, endDate: new Date('2026-10-20T00:00:00Z') })
    const docs = estate.scansForDay(0).map((doc) => ({
      ...doc,
      scanId: `null-estate-${doc.asset.id}`,
      asset: { ...doc.asset, activatedAt: null, lastLoggedOnUser: null },
      patches: doc.patches.map((p) => (p.status === 'Missing' ? { ...p, installedAt: null, kb: null, bulletin: null, supersededBy: null } : p)),
    }))
    const missing = docs.reduce((sum, doc) => sum + doc.patches.filter((p) => p.status === 'Missing').length, 0)
    expect(missing).toBeGreaterThan(100)
    const { status, body } = await send(postScans, ndjson(docs))
    expect(status, JSON.stringify(body.errors?.slice(0, 3))).toBe(200)
    expect(body).toMatchObject({ accepted: docs.length, rejected: 0, findings: docs.reduce((sum, doc) => sum + doc.patches.length, 0) })
    const [stored] = await db.query<{ missing: number }>(
      "SELECT toUInt32(count()) AS missing FROM findings FINAL WHERE is_deleted = 0 AND status = 'Missing' AND asset_id IN {ids:Array(String)}",
      { ids: docs.map((doc) => doc.asset.id) },
    )
    expect(stored.missing).toBe(missing)
  })

  it('ingests catalog updates and job results, idempotently', async () => {
    const entry = { id: 'kb-5001', title: 'Patch kb-5001', vendor: 'Microsoft', isSuperseded: true, supersededBy: ['kb-5002'], modifiedAt: '2026-11-07T00:00:00Z' }
    expect((await send(postCatalog, ndjson([entry]))).body).toMatchObject({ accepted: 1, duplicates: 0 })
    expect((await send(postCatalog, ndjson([entry]))).body).toMatchObject({ accepted: 0, duplicates: 1 })
    const [stored] = await db.query<{ is_superseded: boolean }>("SELECT is_superseded FROM patches FINAL WHERE patch_id = 'kb-5001'")
    expect(Boolean(stored.is_superseded)).toBe(true)

    const result = { jobId: 'job-1', runId: 'run-1', assetId: 'a1', status: 'Completed', reportedAt: '2026-11-07T10:00:00Z', patches: [{ id: 'p1', status: 'Installed' }] }
    // A result for a run that does not exist, or did not assign the asset, is rejected (quarantined) saying so.
    const unknownRun = await send(postJobResults, ndjson([result]))
    expect(unknownRun.status).toBe(422)
    expect(unknownRun.body.errors[0]).toMatchObject({ path: 'runId', message: expect.stringContaining('there is no job run run-1') })
    await db.insert('job_run_assets', [{ run_id: 'run-1', job_id: 'job-1', asset_id: 'a1', status: 'Assigned', created_at: '2026-11-07T09:00:00Z', version: 1 }])
    const otherAsset = await send(postJobResults, ndjson([{ ...result, assetId: 'a2' }]))
    expect(otherAsset.body.errors[0]).toMatchObject({ path: 'assetId', message: 'run run-1 was not assigned to asset a2' })
    expect((await send(postJobResults, ndjson([result]))).body).toMatchObject({ accepted: 1 })
    expect((await send(postJobResults, ndjson([result]))).body).toMatchObject({ accepted: 0, duplicates: 1 })
    const bad = await send(postJobResults, ndjson([{ ...result, status: 'Exploded' }]))
    expect(bad.status).toBe(422)
    expect(bad.body.errors[0].path).toBe('status')
    const rows = await db.query<{ status: string; patch_statuses: string[] }>('SELECT status, patch_statuses FROM job_results FINAL')
    expect(rows).toEqual([{ status: 'Completed', patch_statuses: ['Installed'] }])
  })

  it('records every request in the ingest history with its key, and the key its last use; health shows lag and quarantine', async () => {
    const history = await listIngestHistory(db, 100)
    expect(history.length).toBeGreaterThan(10)
    expect(history.find((entry) => entry.outcome === 'rejects')).toMatchObject({ source: 'api', actorLabel: expect.stringMatching(/^Fleet A \(pbk_/) })
    expect(history.filter((entry) => entry.outcome === 'failed').map((entry) => entry.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/gzip stream is truncated/), expect.stringMatching(/body is empty/)]),
    )
    const keys = await listActivationKeys(db)
    expect(keys.find((k) => k.title === 'Fleet A')?.lastUsedAt).toBeTruthy()
    expect(keys.find((k) => k.title === 'Old')?.lastUsedAt).toBeNull()
    const health = await readHealth(db)
    expect(health.ingest.quarantined).toBeGreaterThan(10)
    expect(health.ingest.newestScanAt).toBe('2026-11-06T08:00:00.000Z')
    expect(health.ingest.lagSeconds).toBeGreaterThan(0)
  })
})
