// GET /api/v1/export through its route handler with an API token: the file, its name and type, the audit entry, 400s.
import './next-request-scope'
import * as XLSX from '@e965/xlsx'
import { NextRequest } from 'next/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { scanDocumentSchema } from '@/ingest/schema/scan'
import { writeScans } from '@/ingest/writer'
import { generateApiToken } from '@/lib/auth/api-tokens'
import { hashPassword } from '@/lib/auth/password'
import { DEFAULT_COLUMNS } from '@/lib/export/columns'
import { insertApiToken } from '@/lib/repositories/api-tokens'
import { createUser } from '@/lib/repositories/users'
import { openTestDatabase } from './database'
import { inNextRequestScope } from './next-request-scope'
import { discoverRouteHandlers, type RouteHandler } from './route-harness'

let db: Database
let close: () => Promise<void>
let token: string
let route: RouteHandler

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  const user = await createUser(db, { email: 'berlin@test.io', name: 'Berlin', role: 'Patch Reader', scope: { all: false, tags: ['Site-Berlin'] }, passwordHash: await hashPassword('a long enough password 1') })
  const generated = generateApiToken()
  await insertApiToken(db, { id: generated.id, userId: user.id, name: 'test', secretHash: generated.secretHash, createdAt: new Date().toISOString(), expiresAt: null })
  token = generated.token
  const scans = [
    { id: 'berlin-1', site: 'Site-Berlin', patch: 'p1' },
    { id: 'london-1', site: 'Site-London', patch: 'p2' },
  ].map(({ id, site, patch }) => ({
    scannedAt: '2026-11-01T08:00:00Z',
    asset: { id, name: id.toUpperCase(), operatingSystem: 'Windows 11', tags: [site] },
    patches: [{ id: patch, title: `Patch ${patch}`, status: 'Missing' as const, vendor: 'Microsoft', vendorSeverity: 'Critical', isSecurity: true }],
  }))
  await writeScans(db, scans.map((document) => scanDocumentSchema.parse(document)))
  const found = (await discoverRouteHandlers()).find((candidate) => candidate.path === '/api/v1/export' && candidate.method === 'GET')
  if (!found) throw new Error('GET /api/v1/export is not a route')
  route = found
})
afterAll(async () => close())

/** Calls the route and reads the whole body as bytes (the harness reads text, which would mangle an XLSX). */
async function download(query: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const request = new NextRequest(`http://patchboard.test/api/v1/export?${query}`, { headers: { host: 'patchboard.test', authorization: `Bearer ${token}` } })
  const response = await inNextRequestScope('/api/v1/export/route', request, () => route.handler(request, { params: Promise.resolve({}) }))
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) }
}

describe('GET /api/v1/export', () => {
  it('streams a CSV of the list rows in the caller scope, named as a download', async () => {
    const { status, headers, bytes } = await download('entity=findings&format=csv&columns=asset.id,patch.id,status')
    expect(status).toBe(200)
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(headers.get('content-disposition')).toMatch(/^attachment; filename="patchboard-findings-\d{4}-\d\d-\d\d\.csv"$/)
    expect(bytes.toString('utf8')).toBe('Asset id,Patch id,Status\r\n"berlin-1","p1","Missing"\r\n')
  })

  it('streams an XLSX that reads back with the same rows', async () => {
    const { status, headers, bytes } = await download('entity=assets&format=xlsx&q=name%3A%20berlin&columns=id,name')
    expect(status).toBe(200)
    expect(headers.get('content-disposition')).toContain('.xlsx"')
    const book = XLSX.read(bytes)
    expect(XLSX.utils.sheet_to_json(book.Sheets.Assets, { header: 1 })).toEqual([['Asset id', 'Name'], ['berlin-1', 'BERLIN-1']])
  })

  it('records the download in the audit log with its rows, bytes and the columns written', async () => {
    const { bytes } = await download('entity=patches&format=csv')
    // The audit entry is written once the body has been sent.
    await new Promise((resolve) => setTimeout(resolve, 200))
    const [entry] = await db.query<{ after: string }>("SELECT after FROM audit_log WHERE action = 'export.download' AND after LIKE '%patches%' ORDER BY at DESC LIMIT 1")
    expect(JSON.parse(entry.after)).toMatchObject({ entity: 'patches', format: 'csv', rows: 2, bytes: bytes.length, columns: [...DEFAULT_COLUMNS.patches] })
  })

  it.each([
    ['an unknown column, named', 'entity=findings&format=csv&columns=asset.id,nope', 'UNKNOWN_COLUMN', 'nope'],
    ['a bad format', 'entity=findings&format=pdf', 'INVALID_INPUT', 'format'],
    ['an unknown entity', 'entity=users&format=csv', 'INVALID_INPUT', 'entity'],
    ['an unknown sort', 'entity=assets&format=csv&sort=password', 'UNKNOWN_SORT', 'password'],
    ['a query that does not compile', 'entity=assets&format=csv&q=nosuchtoken%3A%201', 'INVALID_QUERY', 'nosuchtoken'],
  ])('answers %s with a 400 that says what is wrong', async (_case, query, code, mentioned) => {
    const { status, bytes } = await download(query)
    expect(status).toBe(400)
    const body = JSON.parse(bytes.toString('utf8')) as { error: { code: string; message: string } }
    expect(body.error.code).toBe(code)
    expect(JSON.stringify(body.error)).toContain(mentioned)
  })
})
