// The access-control API end to end through the route handlers: role × action matrix, tag scope, tokens, CSRF, audit, no secrets out.
import fs from 'node:fs'
import path from 'node:path'
import { NextRequest } from 'next/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { generateApiToken, resolveApiToken } from '@/lib/auth/api-tokens'
import { linkOidcUser } from '@/lib/auth/oidc'
import { hashPassword } from '@/lib/auth/password'
import { PERMISSIONS } from '@/lib/auth/policy'
import { ROLES, type Role, type TagScope } from '@/lib/auth/user'
import { isSameOriginRequest } from '@/lib/http/client-origin'
import { API_ROUTES, type ApiRouteSpec } from '@/lib/http/openapi'
import { insertApiToken } from '@/lib/repositories/api-tokens'
import { createSavedSearch } from '@/lib/repositories/searches'
import { createUser, findUserByEmail, findUserById, saveUser } from '@/lib/repositories/users'
import { openTestDatabase } from './database'

const root = path.resolve(__dirname, '..')
const PASSWORD = 'a long enough password 1'

let db: Database
let close: () => Promise<void>
/** Every response body the API sent during this file, checked at the end for secrets. */
const responseBodies: string[] = []
const issuedTokens: { token: string; secretHash: string }[] = []
const logged: string[] = []

interface Caller {
  role: Role
  userId: string
  email: string
  token: string
}
const callers = new Map<Role, Caller>()

/** One scrypt hash of PASSWORD for every user of the file (each hash costs ~50 ms; what is checked is that PASSWORD matches it). */
let passwordHash: Promise<string> | undefined

async function addUser(role: Role, scope: TagScope, email = `${role.toLowerCase().replace(/\s+/g, '-')}-${crypto.randomUUID().slice(0, 8)}@test.io`) {
  passwordHash ??= hashPassword(PASSWORD)
  return createUser(db, { email, name: role, role, scope, passwordHash: await passwordHash })
}

async function addToken(userId: string): Promise<string> {
  const generated = generateApiToken()
  await insertApiToken(db, { id: generated.id, userId, name: 'test', secretHash: generated.secretHash, createdAt: new Date().toISOString(), expiresAt: null })
  issuedTokens.push(generated)
  return generated.token
}

async function addCaller(role: Role, scope: TagScope = { all: true, tags: [] }): Promise<Caller> {
  const user = await addUser(role, scope)
  return { role, userId: user.id, email: user.email, token: await addToken(user.id) }
}

const specPattern = (spec: ApiRouteSpec) => new RegExp(`^${spec.path.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`)
const routeFile = (spec: ApiRouteSpec) => `app${spec.path.replace(/\{(\w+)\}/g, '[$1]')}/route.ts`

interface CallOptions {
  token?: string
  body?: unknown
  headers?: Record<string, string>
}

/** Calls the route handler the registry names for `method url`, as Next would. */
async function call(method: ApiRouteSpec['method'], url: string, options: CallOptions = {}) {
  const pathname = url.split('?')[0]
  const spec = API_ROUTES.find((candidate) => candidate.method === method && specPattern(candidate).test(pathname))
  if (!spec) throw new Error(`no registered route for ${method} ${pathname}`)
  const module = (await import(path.join(root, routeFile(spec)))) as Record<string, (request: NextRequest, context: unknown) => Promise<Response>>
  const headers: Record<string, string> = { ...options.headers }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  const request = new NextRequest(`http://patchboard.test${url}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) })
  const response = await module[method](request, { params: Promise.resolve(specPattern(spec).exec(pathname)?.groups ?? {}) })
  const text = await response.text()
  responseBodies.push(text)
  const json = response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null
  return { status: response.status, json, text, headers: response.headers }
}

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  for (const stream of ['log', 'warn', 'error', 'info'] as const) {
    vi.spyOn(console, stream).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')))
  }
  await db.insert('assets', [
    { asset_id: 'asset-berlin', name: 'WKS-BER-0001', tags: ['Site-Berlin'], version: 1 },
    { asset_id: 'asset-austin', name: 'WKS-AUS-0001', tags: ['Site-Austin'], version: 1 },
  ])
  await db.insert('patches', [{ patch_id: 'p-chrome', title: 'Google Chrome 130', vendor_severity: 'Critical', version: 1 }])
  await db.insert('findings', [
    { asset_id: 'asset-berlin', patch_id: 'p-chrome', status: 'Missing', version: 1, is_deleted: 0 },
    { asset_id: 'asset-austin', patch_id: 'p-chrome', status: 'Missing', version: 1, is_deleted: 0 },
  ])
  for (const role of ROLES) callers.set(role, await addCaller(role))
})
afterAll(async () => {
  vi.restoreAllMocks()
  await close()
})

const admin = () => callers.get('Administrator')!

/** A request each of the registry's routes accepts from an allowed role (200); ids it needs are created fresh. */
const SAMPLES: Record<string, (caller: Caller) => Promise<{ url: string; body?: unknown }>> = {
  'GET /api/v1/openapi.json': async () => ({ url: '/api/v1/openapi.json' }),
  'GET /api/v1/assets': async () => ({ url: '/api/v1/assets?pageSize=5' }),
  'GET /api/v1/assets/{id}': async () => ({ url: '/api/v1/assets/asset-berlin' }),
  'GET /api/v1/patches': async () => ({ url: '/api/v1/patches?pageSize=5' }),
  'GET /api/v1/me': async () => ({ url: '/api/v1/me' }),
  'PATCH /api/v1/me': async () => ({ url: '/api/v1/me', body: { timeZone: 'Europe/Berlin' } }),
  'POST /api/v1/me/password': async () => ({ url: '/api/v1/me/password', body: { currentPassword: PASSWORD, newPassword: PASSWORD } }),
  'GET /api/v1/me/tokens': async () => ({ url: '/api/v1/me/tokens' }),
  'POST /api/v1/me/tokens': async () => ({ url: '/api/v1/me/tokens', body: { name: 'matrix', expiresInDays: 1 } }),
  'DELETE /api/v1/me/tokens/{id}': async (caller) => ({ url: `/api/v1/me/tokens/${(await addToken(caller.userId)).slice(4, 20)}` }),
  'GET /api/v1/admin/users': async () => ({ url: '/api/v1/admin/users' }),
  'POST /api/v1/admin/users': async () => ({ url: '/api/v1/admin/users', body: { email: `new-${crypto.randomUUID().slice(0, 8)}@test.io`, name: 'New', role: 'Patch User' } }),
  'GET /api/v1/admin/users/{id}': async () => ({ url: `/api/v1/admin/users/${(await addUser('Patch Reader', { all: false, tags: [] })).id}` }),
  'PATCH /api/v1/admin/users/{id}': async () => ({ url: `/api/v1/admin/users/${(await addUser('Patch Reader', { all: false, tags: [] })).id}`, body: { role: 'Patch User' } }),
  'DELETE /api/v1/admin/users/{id}': async () => ({ url: `/api/v1/admin/users/${(await addUser('Patch Reader', { all: false, tags: [] })).id}` }),
  'POST /api/v1/admin/users/{id}/password': async () => ({ url: `/api/v1/admin/users/${(await addUser('Patch Reader', { all: false, tags: [] })).id}/password`, body: {} }),
  'POST /api/v1/admin/users/{id}/sign-out': async () => ({ url: `/api/v1/admin/users/${(await addUser('Patch Reader', { all: false, tags: [] })).id}/sign-out` }),
  'GET /api/v1/admin/tokens': async () => ({ url: '/api/v1/admin/tokens' }),
  'DELETE /api/v1/admin/tokens/{id}': async () => ({ url: `/api/v1/admin/tokens/${(await addToken(admin().userId)).slice(4, 20)}` }),
  'GET /api/v1/audit': async () => ({ url: '/api/v1/audit?q=action:user.*' }),
  'GET /api/v1/audit/suggest': async () => ({ url: '/api/v1/audit/suggest?q=action%3A%20user' }),
  'GET /api/v1/findings': async () => ({ url: '/api/v1/findings?q=status%3A%20Missing' }),
  'POST /api/v1/qql/validate': async () => ({ url: '/api/v1/qql/validate', body: { entity: 'assets', query: 'os: windows', version: 1 } }),
  'GET /api/v1/qql/suggest': async () => ({ url: '/api/v1/qql/suggest?entity=assets&q=name%3A%20W' }),
  'GET /api/v1/searches': async () => ({ url: '/api/v1/searches?entity=assets' }),
  'POST /api/v1/searches': async () => ({ url: '/api/v1/searches', body: { name: 'mine', entity: 'assets', query: 'name: WKS*' } }),
  'PATCH /api/v1/searches/{id}': async (caller) => ({ url: `/api/v1/searches/${(await savedSearchOf(caller)).id}`, body: { shared: true } }),
  'DELETE /api/v1/searches/{id}': async (caller) => ({ url: `/api/v1/searches/${(await savedSearchOf(caller)).id}` }),
}

function savedSearchOf(caller: Caller) {
  return createSavedSearch(db, { id: caller.userId, email: caller.email }, { name: 'sample', entity: 'assets', query: 'name: W*', tokenVersion: 2, shared: false })
}

/** Routes registered by other features without a sample here: a placeholder request; allowed roles must pass authorization. */
const placeholder = (spec: ApiRouteSpec) => async () => ({ url: spec.path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000'), body: spec.body ? {} : undefined })

/** Routes guarded by a user's role (public and agent routes are tested elsewhere: ingest-api.int.test.ts). */
const guardedRoutes = API_ROUTES.filter(
  (spec): spec is ApiRouteSpec & { auth: Exclude<ApiRouteSpec['auth'], 'public' | 'activationKey'> } => spec.auth !== 'public' && spec.auth !== 'activationKey',
)

describe('role × action matrix through the HTTP API (from PERMISSIONS)', () => {
  for (const spec of guardedRoutes) {
    const key = `${spec.method} ${spec.path}`
    it(`${key} (${spec.auth})`, async () => {
      const sample = SAMPLES[key] ?? placeholder(spec)
      for (const role of ROLES) {
        const caller = callers.get(role)!
        const { url, body } = await sample(caller)
        const response = await call(spec.method, url, { token: caller.token, body })
        if (!PERMISSIONS[role].has(spec.auth)) {
          expect(response.status, `${role} ${key}`).toBe(403)
          expect(response.json.error.code).toBe('FORBIDDEN')
        } else if (SAMPLES[key]) {
          expect(response.status, `${role} ${key}: ${response.text.slice(0, 200)}`).toBe(200)
        } else {
          expect([401, 403], `${role} ${key}`).not.toContain(response.status)
        }
      }
    })
  }

  it('every registered route has its route file exporting the method', () => {
    for (const spec of API_ROUTES) {
      const file = path.join(root, routeFile(spec))
      expect(fs.existsSync(file), routeFile(spec)).toBe(true)
      expect(fs.readFileSync(file, 'utf8')).toMatch(new RegExp(`export const ${spec.method} =`))
    }
  })

  it('without a token or session the API answers 401; a malformed or unknown token too', async () => {
    for (const token of ['pbt_garbage', generateApiToken().token]) {
      const response = await call('GET', '/api/v1/me', { token })
      expect(response.status).toBe(401)
      expect(response.json.error.code).toBe('INVALID_TOKEN')
    }
    expect((await call('GET', '/api/v1/me', { headers: { authorization: 'Basic abc' } })).status).toBe(401)
  })
})

describe('tag scope', () => {
  it('a Site-Berlin reader sees no other site in any list, count, autocomplete value or detail', async () => {
    const reader = await addCaller('Patch Reader', { all: false, tags: ['Site-Berlin'] })
    const assets = await call('GET', '/api/v1/assets', { token: reader.token })
    expect(assets.json).toMatchObject({ total: 1, rows: [{ id: 'asset-berlin' }] })
    const findings = await call('GET', '/api/v1/findings?q=patch.title%3A%20chrome', { token: reader.token })
    expect(findings.json.total).toBe(1)
    expect(findings.json.rows.map((row: { assetId: string }) => row.assetId)).toEqual(['asset-berlin'])
    const patches = await call('GET', '/api/v1/patches?q=missingCount%20%3E%200', { token: reader.token })
    expect(patches.json.rows).toMatchObject([{ id: 'p-chrome', missingCount: 1 }])
    const names = await call('GET', '/api/v1/qql/suggest?entity=findings&q=asset.name%3A%20WKS', { token: reader.token })
    expect(names.json.knownValues).toEqual(['WKS-BER-0001'])
    const austin = await call('GET', '/api/v1/assets?q=name%3A%20WKS-AUS*', { token: reader.token })
    expect(austin.json.total).toBe(0)
    expect((await call('GET', '/api/v1/assets/asset-austin', { token: reader.token })).status).toBe(404)
  })

  it('an out-of-scope asset id answers 404 exactly like a missing one, never its data', async () => {
    const berliner = await addCaller('Patch User', { all: false, tags: ['Site-Berlin'] })
    const inScope = await call('GET', '/api/v1/assets/asset-berlin', { token: berliner.token })
    expect(inScope.status).toBe(200)
    expect(inScope.json).toMatchObject({ id: 'asset-berlin', name: 'WKS-BER-0001' })
    const outOfScope = await call('GET', '/api/v1/assets/asset-austin', { token: berliner.token })
    const missing = await call('GET', '/api/v1/assets/no-such-asset', { token: berliner.token })
    expect(outOfScope.status).toBe(404)
    expect(outOfScope.text).toBe(missing.text)
    expect(outOfScope.text).not.toContain('WKS-AUS')
    const list = await call('GET', '/api/v1/assets', { token: berliner.token })
    expect(list.json.rows.map((row: { id: string }) => row.id)).toEqual(['asset-berlin'])
  })

  it('a user created without a scope sees no asset until an administrator assigns tags; an Administrator sees all', async () => {
    const created = await call('POST', '/api/v1/admin/users', { token: admin().token, body: { email: 'fresh@test.io', name: 'Fresh', role: 'Patch Manager', password: PASSWORD } })
    expect(created.json.user.scope).toEqual({ all: false, tags: [] })
    const freshToken = await addToken(created.json.user.id)
    expect((await call('GET', '/api/v1/assets', { token: freshToken })).json.total).toBe(0)
    await call('PATCH', `/api/v1/admin/users/${created.json.user.id}`, { token: admin().token, body: { scope: { all: false, tags: ['Site-Austin'] } } })
    expect((await call('GET', '/api/v1/assets', { token: freshToken })).json.rows.map((row: { id: string }) => row.id)).toEqual(['asset-austin'])
    const newAdmin = await call('POST', '/api/v1/admin/users', { token: admin().token, body: { email: 'admin2@test.io', name: 'Second admin', role: 'Administrator' } })
    expect(newAdmin.json.user.scope).toEqual({ all: true, tags: [] })
    expect(newAdmin.json.generatedPassword).toHaveLength(24)
  })
})

describe('security', () => {
  it('refuses a cookie-authenticated state-changing request from another origin or without one (CSRF); bearer requests are exempt', async () => {
    const attempts: Record<string, string>[] = [{ origin: 'https://evil.example' }, {}, { referer: 'https://evil.example/page' }, { origin: 'null' }]
    for (const headers of attempts) {
      const response = await call('POST', '/api/v1/me/tokens', { headers, body: { name: 'csrf' } })
      expect(response.status).toBe(403)
      expect(response.json.error.code).toBe('CSRF_REJECTED')
    }
    // Same origin passes the check (the session lookup after it needs Next's request context: covered by e2e).
    const from = (headers: Record<string, string>) => isSameOriginRequest(new Request('http://patchboard.test/api/v1/me/tokens', { method: 'POST', headers }))
    expect(from({ host: 'patchboard.test', origin: 'http://patchboard.test' })).toBe(true)
    expect(from({ host: 'patchboard.test', referer: 'http://patchboard.test/account' })).toBe(true)
    expect(from({ host: 'patchboard.test', origin: 'http://patchboard.test.evil.example' })).toBe(false)
    expect((await call('POST', '/api/v1/me/tokens', { token: admin().token, headers: { origin: 'https://evil.example' }, body: { name: 'x' } })).status).toBe(200)
  })

  it("a disabled user's tokens stop working at once, and work again when re-enabled", async () => {
    const target = await addCaller('Patch Reader')
    expect((await call('GET', '/api/v1/me', { token: target.token })).status).toBe(200)
    expect((await call('PATCH', `/api/v1/admin/users/${target.userId}`, { token: admin().token, body: { disabled: true } })).status).toBe(200)
    expect((await call('GET', '/api/v1/me', { token: target.token })).status).toBe(401)
    await call('PATCH', `/api/v1/admin/users/${target.userId}`, { token: admin().token, body: { disabled: false } })
    expect((await call('GET', '/api/v1/me', { token: target.token })).status).toBe(200)
  })

  it('a revoked token gets 401 at once; an expired one too; someone else cannot revoke your token', async () => {
    const owner = await addCaller('Patch User')
    const created = await call('POST', '/api/v1/me/tokens', { token: owner.token, body: { name: 'script', expiresInDays: 30 } })
    expect(created.json.token).toMatch(/^pbt_/)
    expect(created.json.apiToken).not.toHaveProperty('secretHash')
    const other = callers.get('Patch Manager')!
    expect((await call('DELETE', `/api/v1/me/tokens/${created.json.apiToken.id}`, { token: other.token })).status).toBe(404)
    expect((await call('GET', '/api/v1/me', { token: created.json.token })).status).toBe(200)
    expect(await resolveApiToken(db, created.json.token, new Date(Date.now() + 31 * 86_400_000))).toBeNull()
    expect((await call('DELETE', `/api/v1/me/tokens/${created.json.apiToken.id}`, { token: owner.token })).json.revokedAt).not.toBeNull()
    const after = await call('GET', '/api/v1/me', { token: created.json.token })
    expect(after.status).toBe(401)
    expect(after.json.error.code).toBe('INVALID_TOKEN')
  })

  it('force sign-out and a password reset end the sessions (new session epoch)', async () => {
    const target = await addUser('Patch Reader', { all: false, tags: [] })
    await call('POST', `/api/v1/admin/users/${target.id}/sign-out`, { token: admin().token })
    expect((await findUserById(db, target.id))?.sessionEpoch).toBe(1)
    const reset = await call('POST', `/api/v1/admin/users/${target.id}/password`, { token: admin().token, body: { password: 'short' } })
    expect(reset.json.error.code).toBe('WEAK_PASSWORD')
    await call('POST', `/api/v1/admin/users/${target.id}/password`, { token: admin().token, body: {} })
    expect(await findUserById(db, target.id)).toMatchObject({ sessionEpoch: 2 })
  })

  it('enforces the password policy and stops an administrator from locking themselves out', async () => {
    const weak = await call('POST', '/api/v1/admin/users', { token: admin().token, body: { email: 'weak@test.io', name: 'W', role: 'Patch Reader', password: 'weak@test.io' } })
    expect(weak.status).toBe(400)
    expect(weak.json.error.message).toMatch(/at least 12|not be the email/)
    expect((await call('PATCH', `/api/v1/admin/users/${admin().userId}`, { token: admin().token, body: { disabled: true } })).status).toBe(409)
    expect((await call('PATCH', `/api/v1/admin/users/${admin().userId}`, { token: admin().token, body: { role: 'Patch Reader' } })).status).toBe(409)
    expect((await call('DELETE', `/api/v1/admin/users/${admin().userId}`, { token: admin().token })).status).toBe(409)
    const duplicate = await call('POST', '/api/v1/admin/users', { token: admin().token, body: { email: admin().email, name: 'Dup', role: 'Patch Reader' } })
    expect(duplicate.json.error.code).toBe('EMAIL_TAKEN')
  })

  it('a stale version answers 409 instead of overwriting a newer change', async () => {
    const target = await addUser('Patch Reader', { all: false, tags: [] })
    const first = await call('PATCH', `/api/v1/admin/users/${target.id}`, { token: admin().token, body: { name: 'One', version: target.version } })
    expect(first.status).toBe(200)
    const second = await call('PATCH', `/api/v1/admin/users/${target.id}`, { token: admin().token, body: { name: 'Two', version: target.version } })
    expect(second.status).toBe(409)
  })
})

describe('audit log', () => {
  it('records a data import uploaded by a person, with the file and its counts', async () => {
    const doc = { scanId: 'audit-upload-1', scannedAt: '2026-11-01T08:00:00Z', asset: { id: 'asset-upload', name: 'WKS-UPL-0001', tags: ['Site-Berlin'] }, patches: [] }
    const upload = await call('POST', '/api/v1/admin/data-import?kind=scans&fileName=upload.json', { token: admin().token, body: doc, headers: { origin: 'http://patchboard.test' } })
    expect(upload.status).toBe(200)
    const audit = await call('GET', '/api/v1/audit?q=action:data.import', { token: admin().token })
    const entry = audit.json.rows.find((row: { entityId: string }) => row.entityId === upload.json.ingestId)
    expect(entry).toMatchObject({ action: 'data.import', actorEmail: admin().email })
    expect(JSON.parse(entry.after)).toMatchObject({ fileName: 'upload.json', accepted: 1, rejected: 0 })
  })

  it('records administrative writes with who, what, before and after; filters and exports them', async () => {
    const created = await call('POST', '/api/v1/admin/users', { token: admin().token, body: { email: 'audited@test.io', name: 'Audited', role: 'Patch Reader' } })
    await call('PATCH', `/api/v1/admin/users/${created.json.user.id}`, { token: admin().token, body: { scope: { all: false, tags: ['Site-Pune'] } } })
    const page = await call('GET', `/api/v1/audit?q=${encodeURIComponent(`action: user.update AND targetId: "${created.json.user.id}"`)}`, { token: admin().token })
    expect(page.json.total).toBe(1)
    const [entry] = page.json.rows
    expect(entry).toMatchObject({ actorEmail: admin().email, action: 'user.update', entity: 'user' })
    expect(JSON.parse(entry.before).scope).toEqual({ all: false, tags: [] })
    expect(JSON.parse(entry.after).scope).toEqual({ all: false, tags: ['Site-Pune'] })
    const bad = await call('GET', '/api/v1/audit?q=colour:red', { token: admin().token })
    expect(bad.status).toBe(400)
    expect(bad.json.error).toMatchObject({ code: 'INVALID_QUERY', message: expect.stringContaining('unknown token `colour` for audit') })
    const csv = await call('GET', `/api/v1/audit?format=csv&q=${encodeURIComponent('text: audited@test.io')}`, { token: admin().token })
    expect(csv.headers.get('content-type')).toContain('text/csv')
    expect(csv.text.split('\r\n')[0]).toBe('at,actorEmail,actorId,action,entity,entityId,before,after')
    expect(csv.text).toContain('user.create')
  })
})

describe('OIDC user linking', () => {
  it('creates a user on first sign-in with the claimed role and no scope, links the same email later, refuses disabled or unverified', async () => {
    const config = { roleClaim: 'patchboard_role' }
    const first = await linkOidcUser(db, { sub: 's1', email: 'Sso@Test.io', name: 'SSO', patchboard_role: 'patch_manager' }, config)
    expect(first.ok && first.user).toMatchObject({ email: 'sso@test.io', role: 'Patch Manager', scope: { all: false, tags: [] }, passwordHash: '' })
    const again = await linkOidcUser(db, { sub: 's1', email: 'sso@test.io', patchboard_role: 'Administrator' }, config)
    expect(again.ok && again.user.role).toBe('Patch Manager')
    expect(await linkOidcUser(db, { sub: 's2', email: 'other@test.io', email_verified: false }, config)).toEqual({ ok: false, reason: 'OidcUnverifiedEmail' })
    await saveUser(db, (await findUserByEmail(db, 'sso@test.io'))!, { disabled: true })
    expect(await linkOidcUser(db, { sub: 's1', email: 'sso@test.io' }, config)).toEqual({ ok: false, reason: 'OidcDisabled' })
  })
})

describe('OpenAPI document', () => {
  it('lists every registered route with its schemas', async () => {
    const { json } = await call('GET', '/api/v1/openapi.json', { token: callers.get('Patch Reader')!.token })
    expect(json.openapi).toBe('3.1.0')
    for (const spec of API_ROUTES) expect(json.paths[spec.path]?.[spec.method.toLowerCase()], `${spec.method} ${spec.path}`).toBeDefined()
    expect(json.paths['/api/v1/admin/users'].post.requestBody.content['application/json'].schema.properties.role.enum).toContain('Patch Security')
  })
})

describe('no secret leaves the server', () => {
  it('no API response or log line carries a password hash, a token hash or another token', async () => {
    const rows = await db.query<{ before: string; after: string }>('SELECT before, after FROM audit_log')
    const texts = [...responseBodies, ...logged, ...rows.flatMap((row) => [row.before, row.after])]
    expect(texts.length).toBeGreaterThan(100)
    for (const text of texts) {
      expect(text).not.toMatch(/scrypt\$|passwordHash|password_hash|secretHash|secret_hash/)
      for (const { secretHash } of issuedTokens) expect(text).not.toContain(secretHash)
    }
    // A token's whole value appears only in the answer that created it.
    const created = responseBodies.filter((body) => /"token":"pbt_/.test(body))
    for (const body of responseBodies.filter((b) => !created.includes(b))) expect(body).not.toMatch(/pbt_[0-9a-f]{16}_/)
  })
})
