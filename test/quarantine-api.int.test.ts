// Quarantine and ingest history through the HTTP routes: global, so Administrators only (a Berlin Manager sees no London reject); the audited purge.
import { NextRequest } from 'next/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as history from '@/app/api/v1/admin/ingest-history/route'
import * as quarantine from '@/app/api/v1/admin/quarantine/route'
import * as quarantined from '@/app/api/v1/admin/quarantine/[id]/route'
import * as upload from '@/app/api/v1/admin/data-import/route'
import * as scans from '@/app/api/v1/ingest/scans/route'
import type { Database } from '@/clickhouse/client'
import { generateApiToken } from '@/lib/auth/api-tokens'
import type { Role, SessionUser, TagScope } from '@/lib/auth/user'
import { insertApiToken } from '@/lib/repositories/api-tokens'
import { createUser } from '@/lib/repositories/users'
import { createActivationKey } from '@/lib/services/activation-keys'
import { openTestDatabase } from './database'

let db: Database
let close: () => Promise<void>
const keys: Record<'london' | 'berlin', { id: string; key: string }> = {} as never
const tokens: Partial<Record<'admin' | 'berlinManager' | 'reader', string>> = {}

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>

async function call(handler: Handler, method: string, url: string, options: { token?: string; body?: string; params?: Record<string, string> } = {}) {
  const headers: Record<string, string> = {}
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (options.body !== undefined) headers['content-type'] = 'application/x-ndjson'
  const response = await handler(new NextRequest(`http://patchboard.test${url}`, { method, headers, body: options.body }), { params: Promise.resolve(options.params ?? {}) })
  const text = await response.text()
  return { status: response.status, text, json: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null }
}

async function addToken(role: Role, scope: TagScope): Promise<string> {
  const user = await createUser(db, { email: `${crypto.randomUUID().slice(0, 8)}@test.io`, name: role, role, scope, passwordHash: 'unused' })
  const generated = generateApiToken()
  await insertApiToken(db, { id: generated.id, userId: user.id, name: 'test', secretHash: generated.secretHash, createdAt: new Date().toISOString(), expiresAt: null })
  return generated.token
}

/** A rejected scan (no asset id) that names its site, sent with that site's activation key. */
const rejectedScan = (site: string) => JSON.stringify({ scanId: `reject-${site}`, scannedAt: '2026-11-01T08:00:00Z', asset: { name: `WKS-${site}-SECRET` }, patches: [] })

const total = async (query = '') => (await call(quarantine.GET, 'GET', `/api/v1/admin/quarantine?limit=1${query}`, { token: tokens.admin })).json.total as number

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  const admin: SessionUser = { id: 'admin-0', email: 'admin@test.io', name: 'Admin', role: 'Administrator', scope: { all: true, tags: [] }, timeZone: 'UTC' }
  for (const site of ['london', 'berlin'] as const) {
    const created = await createActivationKey(db, admin, { title: site, tags: [site === 'london' ? 'Site-London' : 'Site-Berlin'] })
    keys[site] = { id: created.id, key: created.key }
  }
  tokens.admin = await addToken('Administrator', { all: true, tags: [] })
  tokens.berlinManager = await addToken('Patch Manager', { all: false, tags: ['Site-Berlin'] })
  tokens.reader = await addToken('Patch Reader', { all: false, tags: ['Site-Berlin'] })
  for (const site of ['london', 'berlin'] as const) {
    const sent = await call(scans.POST, 'POST', '/api/v1/ingest/scans', { token: keys[site].key, body: `${rejectedScan(site)}\n${rejectedScan(`${site}-2`)}\n` })
    expect(sent.status).toBe(422)
  }
})
afterAll(async () => close())

describe('quarantine and ingest history are global, so only Administrators see them', () => {
  it('a Manager scoped to Berlin cannot list, download or purge the quarantine, nor read the ingest history; nothing of London leaks', async () => {
    const [londonRow] = (await call(quarantine.GET, 'GET', `/api/v1/admin/quarantine?keyId=${keys.london.id}`, { token: tokens.admin })).json.rows
    expect(londonRow.documentId).toMatch(/^reject-london/)
    for (const token of [tokens.berlinManager, tokens.reader]) {
      const answers = [
        await call(quarantine.GET, 'GET', '/api/v1/admin/quarantine', { token }),
        await call(quarantined.GET, 'GET', `/api/v1/admin/quarantine/${londonRow.id}`, { token, params: { id: londonRow.id } }),
        await call(history.GET, 'GET', '/api/v1/admin/ingest-history', { token }),
        await call(quarantine.DELETE, 'DELETE', '/api/v1/admin/quarantine?all=true', { token }),
      ]
      for (const answer of answers) {
        expect(answer.status).toBe(403)
        expect(answer.json.error.code).toBe('FORBIDDEN')
        expect(answer.text).not.toMatch(/SECRET|reject-london/)
      }
    }
    expect(await total()).toBe(4)
  })

  it('an Administrator lists every site, downloads a London reject exactly as sent, and reads the history', async () => {
    const list = await call(quarantine.GET, 'GET', '/api/v1/admin/quarantine', { token: tokens.admin })
    expect(list.status).toBe(200)
    expect(list.json.rows.map((row: { documentId: string }) => row.documentId).sort()).toEqual(['reject-berlin', 'reject-berlin-2', 'reject-london', 'reject-london-2'])
    const london = list.json.rows.find((row: { documentId: string }) => row.documentId === 'reject-london')
    const download = await call(quarantined.GET, 'GET', `/api/v1/admin/quarantine/${london.id}`, { token: tokens.admin, params: { id: london.id } })
    expect(download.text).toBe(rejectedScan('london'))
    const entries = (await call(history.GET, 'GET', '/api/v1/admin/ingest-history', { token: tokens.admin })).json.entries
    expect(entries.map((entry: { keyId: string }) => entry.keyId).sort()).toEqual([keys.london.id, keys.berlin.id].sort())
  })

  it('a Manager may still upload, and their own report lists what was rejected', async () => {
    const sent = await call(upload.POST, 'POST', '/api/v1/admin/data-import?kind=scans&fileName=berlin.ndjson', { token: tokens.berlinManager, body: rejectedScan('upload') })
    expect(sent.status).toBe(422)
    expect(sent.json.errors).toEqual([{ line: 1, scanId: 'reject-upload', path: 'asset.id', message: 'required field is missing (expected text)' }])
  })
})

describe('purging the quarantine', () => {
  const purge = (query: string) => call(quarantine.DELETE, 'DELETE', `/api/v1/admin/quarantine${query}`, { token: tokens.admin })

  it('refuses a purge that does not say what to remove, or names an unknown key', async () => {
    for (const query of ['', '?all=false', `?all=true&keyId=${keys.london.id}`, '?olderThanDays=-1', '?keyId=london']) {
      const answer = await purge(query)
      expect(answer.status, query).toBe(400)
      expect(answer.json.error.code).toBe('INVALID_INPUT')
    }
    const unknown = await purge(`?keyId=${crypto.randomUUID()}`)
    expect(unknown.status).toBe(404)
    expect(await total()).toBe(5)
  })

  it('by activation key, by age and all, each audited with the count removed', async () => {
    expect(await total(`&keyId=${keys.london.id}`)).toBe(2)
    expect((await purge(`?keyId=${keys.london.id}`)).json).toEqual({ purged: 2, selection: `keyId=${keys.london.id}` })
    expect(await total(`&keyId=${keys.london.id}`)).toBe(0)
    expect(await total(`&keyId=${keys.berlin.id}`)).toBe(2)

    await db.insert('quarantine', [{ quarantine_id: 'old-1', ingest_id: 'old', kind: 'scans', received_at: new Date(Date.now() - 40 * 86_400_000).toISOString(), line: 1, scan_id: 'old', reason: 'old', errors: '[]', body: '{}', body_encoding: 'utf8', body_bytes: 2, truncated: 0 }])
    expect(await total('&olderThanDays=30')).toBe(1)
    expect((await purge('?olderThanDays=30')).json).toEqual({ purged: 1, selection: 'olderThanDays=30' })
    expect(await total()).toBe(3)

    expect((await purge('?all=true')).json).toEqual({ purged: 3, selection: 'all' })
    expect(await total()).toBe(0)

    const audit = await db.query<{ entity_id: string; after: string }>("SELECT entity_id, after FROM audit_log WHERE action = 'quarantine.purge' ORDER BY at")
    expect(audit.map((row) => row.entity_id)).toEqual([`keyId=${keys.london.id}`, 'olderThanDays=30', 'all'])
    expect(JSON.parse(audit[0].after)).toEqual({ purged: 2, keyId: keys.london.id })
  })
})
