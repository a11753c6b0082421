// Bad query input answers 400, never 500: the reported cases, then fast-check throwing random and adversarial text at every list, suggest, validate and audit endpoint through the real route handlers.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { callRoute, discoverRouteHandlers, type RouteAnswer, type RouteHandler } from './route-harness'
import type { Database } from '@/clickhouse/client'
import { generateApiToken } from '@/lib/auth/api-tokens'
import { insertApiToken } from '@/lib/repositories/api-tokens'
import { appendAudit } from '@/lib/repositories/audit'
import { createUser } from '@/lib/repositories/users'
import { openTestDatabase } from './database'

let db: Database
let close: () => Promise<void>
let token: string
let routes: RouteHandler[]
const unexpected: string[] = []

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  // A 5xx logs its cause; keep it for the failure message instead of the console.
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void unexpected.push(args.map(String).join(' ').slice(0, 500)))
  const user = await createUser(db, { email: 'admin@test.io', name: 'Admin', role: 'Administrator', scope: { all: true, tags: [] }, passwordHash: '' })
  const generated = generateApiToken()
  await insertApiToken(db, { id: generated.id, userId: user.id, name: 'fuzz', secretHash: generated.secretHash, createdAt: new Date().toISOString(), expiresAt: null })
  token = generated.token
  await db.insert('assets', [
    { asset_id: 'asset-1', name: 'WKS-BER-0001', tags: ['Site-Berlin'], version: 1 },
    { asset_id: 'asset-2', name: 'SRV-AUS-0001', tags: ['Site-Austin'], version: 1 },
  ])
  await db.insert('patches', [{ patch_id: 'p-chrome', title: 'Google Chrome 130', vendor_severity: 'Critical', version: 1 }])
  await db.insert('findings', [{ asset_id: 'asset-1', patch_id: 'p-chrome', status: 'Missing', version: 1, is_deleted: 0 }])
  await appendAudit(db, { actor: user, action: 'user.create', entity: 'user', entityId: user.id, after: { email: user.email } })
  routes = await discoverRouteHandlers()
})
afterAll(async () => {
  vi.restoreAllMocks()
  await close()
})

const route = (method: RouteHandler['method'], path: string) => routes.find((candidate) => candidate.method === method && candidate.path === path)!
const get = (path: string, query: Record<string, string>) => callRoute(route('GET', path), { token, url: `${path}?${new URLSearchParams(query)}` })
const validate = (body: unknown) => callRoute(route('POST', '/api/v1/qql/validate'), { token, body })

/** A 4xx with the API's error shape, or a success: anything but a 5xx. */
function expectNoServerError(answer: RouteAnswer, what: string) {
  expect(answer.status, `${what} → ${answer.status} ${answer.text.slice(0, 300)}\n${unexpected.join('\n')}`).toBeLessThan(500)
  if (answer.status >= 400) expect(answer.json.error, `${what}: error body`).toMatchObject({ code: expect.any(String), message: expect.any(String) })
}

describe('the reported cases', () => {
  it('500 NOTs: the lists answer 400 INVALID_QUERY and validation calls them invalid (was 500 TOO_DEEP_AST / valid)', async () => {
    const query = `${'NOT '.repeat(500)}name: x`
    for (const path of ['/api/v1/assets', '/api/v1/findings', '/api/v1/patches']) {
      const answer = await get(path, { q: query })
      expect(answer.status, path).toBe(400)
      expect(answer.json.error?.code).toBe('INVALID_QUERY')
      expect(answer.json.error?.message).toContain('nested too deeply')
    }
    const checked = await validate({ entity: 'assets', query: `${'NOT '.repeat(2400)}name: x` })
    expect(checked.json).toMatchObject({ valid: false })
  })

  it('50 levels of NOT and parentheses, the most allowed, run on the engine', async () => {
    for (const q of [`${'NOT '.repeat(50)}name: x`, `${'NOT ('.repeat(25)}patch.title: chrome${')'.repeat(25)}`]) {
      expect((await get('/api/v1/assets', { q })).status, q).toBe(200)
      expect((await get('/api/v1/findings', { q: q.replace('patch.title', 'asset.name').replace('name: x', 'asset.name: x') })).status, q).toBe(200)
    }
  })

  it('page=9007199254740991 and page=85899347 (which wrapped to page 1) are a 400 naming the bound; the last page allowed is empty', async () => {
    for (const page of ['9007199254740991', '85899347']) {
      const refused = await get('/api/v1/assets', { page, pageSize: '500' })
      expect(refused.status).toBe(400)
      expect(refused.json.error?.message).toContain('page is at most 10000000')
    }
    expect((await get('/api/v1/assets', { page: '1', pageSize: '500' })).json).toMatchObject({ total: 2 })
    for (const path of ['/api/v1/assets', '/api/v1/findings', '/api/v1/patches', '/api/v1/audit']) {
      const far = await get(path, { page: '10000000', pageSize: '500' })
      expect(far.status, path).toBe(200)
      expect(far.json.rows, path).toEqual([])
      expect(far.json.total, path).toBeGreaterThan(0)
    }
    // The quarantine pages by raw offset: 2^32 wrapped round to the first rows.
    const quarantine = await get('/api/v1/admin/quarantine', { offset: '4294967296' })
    expect(quarantine.status).toBe(400)
    expect(quarantine.json.error?.message).toContain('offset is at most 4294967295')
  })

  it('an audit date in the year 99999 is a 400, in the field:value filter (after:…, was 500) and in the QQL replacing it (time > …)', async () => {
    const answers = await Promise.all(['action:user.* after:99999-01-01', 'action: user.* AND time > 99999-01-01'].map((q) => get('/api/v1/audit', { q })))
    for (const answer of answers) expect(answer.status).toBeLessThan(500)
    const refused = answers.filter((answer) => answer.status === 400)
    expect(refused.length, 'the filter language in use refuses the date').toBeGreaterThan(0)
    for (const answer of refused) expect(answer.json.error?.code).toMatch(/^INVALID_(FILTER|QUERY)$/)
  })

  it('an audit QQL query with time > 99999-01-01 is a 400 naming the date and its position, for the list and the CSV export', async () => {
    const answer = await get('/api/v1/audit', { q: 'action: user.* AND time > 99999-01-01' })
    expect(answer.status).toBe(400)
    expect(answer.json.error).toMatchObject({ code: 'INVALID_QUERY', message: expect.stringContaining('`99999-01-01` is outside the dates QQL reads (years 1900 to 2299) at 26') })
    expect((await get('/api/v1/audit', { q: 'time < 1800-01-01', format: 'csv' })).status).toBe(400)
  })
})

/** Text that breaks parsers: QQL's own syntax in random order, numbers and dates at and past every limit, control characters, long repeats. */
const fragments = fc.constantFrom(
  'NOT ', '(', ')', ' AND ', ' OR ', ':', '=', '>', '>=', '<', '<=', '"', '`', '[', ']', '..', ',', '*', ' ', '\\', "'", '%', '_', '\u0000', '\n', '\t', '\u202e',
  'name', 'patch.title', 'asset.name', 'scanDateTime', 'missingPatchCount', 'interfaces.address', 'status', 'tags', 'actor', 'action', 'after', 'before', 'id', 'entity',
  'now', 'now-999999y', 'now+4801M', '99999-01-01', '+099999-01-01', '2026-02-30', '1899-12-31', '2299-12-31T23:59-14:00', '1e400', 'NaN', 'Infinity', '-0',
  '9007199254740991', '9007199254740993', '85899347', '4294967296', '-1', '0x1F', 'fe80::1', '10.0.0.0/33', '::ffff:10.0.0.1', '1.2.3.4/-1', 'Critical', 'Missing',
  '{p1:String}', "'); DROP TABLE assets; --", 'SELECT', 'FINAL', '$1', '%00', '..', 'é', '🦀',
)
/** Deep nesting ending in a clause some entity knows, so it gets past token checks to the compiler and the engine. */
const deepNesting = fc
  .tuple(fc.constantFrom('NOT ', '(', 'NOT (', '(NOT ', '[', '"', 'a:', '*'), fc.integer({ min: 40, max: 2400 }), fc.constantFrom('name: x', 'title: chrome', 'status: Missing', 'x', ''))
  .map(([unit, times, tail]) => unit.repeat(times) + tail)
const adversarialText = fc.oneof(
  fc.array(fragments, { maxLength: 40 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 80 }),
  deepNesting,
)
/** Date-like text at and past every range: years of any length and sign, impossible days, offsets. */
const dateText = fc.oneof(
  fc.constantFrom('99999-01-01', '+099999-01-01', '-000001-01-01', '0001-01-01', '275760-09-13', '2026-02-30', '2299-12-31T23:59:59-14:00', 'now-999999y'),
  fc.integer({ min: -300_000, max: 300_000 }).map((year) => `${year}-01-01`),
)
const numberText = fc.oneof(fc.constantFrom('0', '1', '-1', '500', '501', '10000000', '10000001', '9007199254740991', '85899347', '1e400', 'NaN', '', ' 2 ', '2.5', '0x10'), fc.bigInt().map(String))
const paramValue = fc.oneof(adversarialText, numberText)

/** Every list, suggest and audit endpoint: the GET routes of the registry that take a query string. */
function listRoutes(): RouteHandler[] {
  return routes.filter((candidate) => candidate.method === 'GET' && candidate.spec?.query)
}

describe('fast-check: random and adversarial input never answers 5xx', () => {
  it('covers the lists, suggest and audit', () => {
    expect(listRoutes().map((candidate) => candidate.path)).toEqual(expect.arrayContaining(['/api/v1/assets', '/api/v1/patches', '/api/v1/findings', '/api/v1/qql/suggest', '/api/v1/audit']))
  })

  it('query parameters of every list, suggest and audit endpoint', async () => {
    for (const target of listRoutes()) {
      const keys = Object.keys((target.spec!.query as unknown as { shape: Record<string, unknown> }).shape)
      const query = fc.dictionary(fc.constantFrom(...keys, 'page', 'pageSize', 'q', 'unknown'), paramValue, { maxKeys: keys.length + 1 })
      await fc.assert(
        fc.asyncProperty(query, async (params) => expectNoServerError(await get(target.path, params), `${target.path}?${new URLSearchParams(params)}`)),
        { numRuns: 100 },
      )
    }
  })

  it('QQL of every entity through the lists and suggest (with a cursor anywhere)', async () => {
    const entityLists = { assets: '/api/v1/assets', patches: '/api/v1/patches', findings: '/api/v1/findings' } as const
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...(Object.keys(entityLists) as (keyof typeof entityLists)[])), fc.oneof(adversarialText, deepNesting), fc.nat({ max: 3000 }), async (entity, q, cursor) => {
        expectNoServerError(await get(entityLists[entity], { q }), `${entity} q=${JSON.stringify(q)}`)
        expectNoServerError(await get('/api/v1/qql/suggest', { entity, q, cursor: String(cursor) }), `suggest ${entity} q=${JSON.stringify(q)} cursor=${cursor}`)
      }),
      { numRuns: 300 },
    )
  })

  it('audit searches: its tokens (and unknown ones) with every operator and adversarial values', async () => {
    const field = fc.constantFrom('time', 'actor', 'action', 'target', 'targetId', 'text', 'entity', 'id', 'after', 'before', 'colour', '')
    const operator = fc.constantFrom(':', ': ', ' > ', ' >= ', ' < ', ' = ')
    const term = fc.oneof(
      fc.tuple(field, operator, adversarialText).map(([name, op, value]) => (name ? `${name}${op}${value}` : value)),
      fc.tuple(fc.constantFrom('time', 'after', 'before'), operator, dateText).map(([name, op, value]) => `${name}${op}${value}`),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(term, { maxLength: 5 }), fc.constantFrom(' ', ' AND ', ' OR '), fc.constantFrom('json', 'csv'), async (terms, joiner, format) => {
        const q = terms.join(joiner)
        expectNoServerError(await get('/api/v1/audit', { q, format }), `audit q=${JSON.stringify(q)} ${format}`)
      }),
      { numRuns: 200 },
    )
  })

  it('the validate body: any JSON, any entity, query and version', async () => {
    const body = fc.oneof(
      fc.record({ entity: fc.oneof(fc.constantFrom('assets', 'patches', 'findings', 'jobs'), adversarialText), query: adversarialText, version: fc.oneof(fc.integer(), numberText, fc.constant(null)) }, { requiredKeys: [] }),
      fc.jsonValue(),
      adversarialText,
    )
    await fc.assert(
      fc.asyncProperty(body, async (value) => expectNoServerError(await validate(typeof value === 'string' ? value : JSON.stringify(value)), `validate ${JSON.stringify(value).slice(0, 300)}`)),
      { numRuns: 300 },
    )
  })
})
