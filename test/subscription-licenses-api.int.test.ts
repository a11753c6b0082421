// The subscription and licence routes: who may read and change them, bad input answered 4xx with the field named, changes audited.
import './next-request-scope'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as licenses from '@/app/api/v1/licenses/route'
import * as subscription from '@/app/api/v1/subscription/route'
import type { Database } from '@/clickhouse/client'
import { generateApiToken } from '@/lib/auth/api-tokens'
import type { Role } from '@/lib/auth/user'
import { insertApiToken } from '@/lib/repositories/api-tokens'
import { createUser } from '@/lib/repositories/users'
import { openTestDatabase } from './database'
import { callRoute, type RouteHandler } from './route-harness'

let db: Database
let close: () => Promise<void>
const tokens = new Map<Role, string>()

const route = (file: string, path: string, method: RouteHandler['method'], handler: RouteHandler['handler']): RouteHandler => ({ file, path, method, handler, spec: undefined })
const SUBSCRIPTION = { GET: route('app/api/v1/subscription/route.ts', '/api/v1/subscription', 'GET', subscription.GET), PUT: route('app/api/v1/subscription/route.ts', '/api/v1/subscription', 'PUT', subscription.PUT) }
const LICENSES = { GET: route('app/api/v1/licenses/route.ts', '/api/v1/licenses', 'GET', licenses.GET), PUT: route('app/api/v1/licenses/route.ts', '/api/v1/licenses', 'PUT', licenses.PUT) }
const as = (role: Role, handler: RouteHandler, body?: unknown) => callRoute(handler, { token: tokens.get(role), body })

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  for (const role of ['Patch Reader', 'Patch Security', 'Patch Manager', 'Administrator'] as const) {
    const user = await createUser(db, { email: `${role.replace(/\s+/g, '-').toLowerCase()}@test.io`, name: role, role, scope: { all: true, tags: [] }, passwordHash: '' })
    const generated = generateApiToken()
    await insertApiToken(db, { id: generated.id, userId: user.id, name: 'test', secretHash: generated.secretHash, createdAt: new Date().toISOString(), expiresAt: null })
    tokens.set(role, generated.token)
  }
  await db.insert('assets', [{ asset_id: 'srv-1', name: 'SRV-1', tags: ['Servers'], activated_at: '2026-01-01T00:00:00Z', version: 1 }])
})
afterAll(async () => {
  vi.restoreAllMocks()
  await close()
})

describe('GET/PUT /api/v1/subscription', () => {
  it('every role reads the tier in effect (the banner needs it)', async () => {
    for (const role of ['Patch Reader', 'Patch Security'] as const) {
      const answer = await as(role, SUBSCRIPTION.GET)
      expect(answer.status).toBe(200)
      expect(answer.json).toMatchObject({ tier: 'trial', effectiveTier: 'trial', jobsAllowed: true, minScanIntervalHours: 4 })
    }
  })

  it('only an Administrator changes it; a lapsed trial answers Free at once', async () => {
    expect((await as('Patch Manager', SUBSCRIPTION.PUT, { tier: 'paid', expiresAt: '2099-01-01' })).status).toBe(403)
    const answer = await as('Administrator', SUBSCRIPTION.PUT, { tier: 'trial', expiresAt: '2020-01-31' })
    expect(answer.status).toBe(200)
    expect(answer.json).toMatchObject({ tier: 'trial', effectiveTier: 'free', expired: true, jobsAllowed: false, minScanIntervalHours: 24, updatedBy: 'administrator@test.io' })
    const [fallback] = await db.query<{ actor_email: string }>("SELECT actor_email FROM audit_log WHERE action = 'subscription.fallback'")
    expect(fallback.actor_email).toBe('system')
  })

  it('answers bad input with 400 naming the field, never 500', async () => {
    for (const body of [{ tier: 'gold' }, { tier: 'paid' }, { tier: 'paid', expiresAt: 'soon' }, { tier: 'free', expiresAt: '2027-01-01' }, { tier: 'trial', expiresAt: 20270101 }, 'not json {', []]) {
      const answer = await as('Administrator', SUBSCRIPTION.PUT, body)
      expect(answer.status, JSON.stringify(body)).toBe(400)
      expect(answer.json).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } })
    }
  })
})

describe('GET/PUT /api/v1/licenses', () => {
  it('everyone who views profiles reads them; Managers and Administrators change them, others are refused', async () => {
    expect((await as('Patch Reader', LICENSES.GET)).json).toMatchObject({ configured: false, enforced: false, consumed: 1, totalAssets: 1 })
    expect((await as('Patch Reader', LICENSES.PUT, { licenseCount: 5 })).status).toBe(403)
    expect((await as('Patch Security', LICENSES.PUT, { licenseCount: 5 })).status).toBe(403)
    const saved = await as('Patch Manager', LICENSES.PUT, { licenseCount: 2000, includeTags: ['Servers'], excludeTags: null })
    expect(saved.status).toBe(200)
    expect(saved.json).toMatchObject({ configured: true, licenseCount: 2000, includeTags: ['Servers'], excludeTags: [], consumed: 1, percent: 0, updatedBy: 'patch-manager@test.io' })
    expect((await as('Administrator', LICENSES.PUT, { licenseCount: 3, includeTags: [], excludeTags: ['Lab'] })).status).toBe(200)
    const [entry] = await db.query<{ actor_email: string; before: string }>("SELECT actor_email, before FROM audit_log WHERE action = 'licenses.update' ORDER BY at DESC LIMIT 1")
    expect(entry).toMatchObject({ actor_email: 'administrator@test.io' })
    expect(JSON.parse(entry.before)).toEqual({ licenseCount: 2000, includeTags: ['Servers'], excludeTags: [] })
  })

  it('answers bad input with 400 naming the field, never 500', async () => {
    const cases: [unknown, string][] = [
      [{}, 'licenseCount'],
      [{ licenseCount: -3 }, 'licenseCount'],
      [{ licenseCount: '12' }, 'licenseCount'],
      [{ licenseCount: 1e12 }, 'licenseCount'],
      [{ licenseCount: 5, includeTags: 'Servers' }, 'includeTags'],
      [{ licenseCount: 5, includeTags: ['Servers'], excludeTags: ['Servers'] }, 'excludeTags'],
      [{ licenseCount: 5, excludeTags: ['x'.repeat(300)] }, 'excludeTags.0'],
    ]
    for (const [body, field] of cases) {
      const answer = await as('Patch Manager', LICENSES.PUT, body)
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400)
      expect(answer.text, JSON.stringify(body).slice(0, 80)).toContain(`"path":"${field}"`)
    }
  })
})
