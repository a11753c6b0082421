// Run-time authorization backstop (as Fleet's authzcheck): every handler under app/api, called as each role, as an agent and unauthenticated, records the decision its registry entry names.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { callRoute, discoverRouteHandlers, type RouteAnswer, type RouteHandler } from './route-harness'
import type { Database } from '@/clickhouse/client'
import type { AuthorizationDecision } from '@/lib/auth/authorization-record'
import { generateApiToken } from '@/lib/auth/api-tokens'
import { ROLES, type Role } from '@/lib/auth/user'
import { API_ROUTES } from '@/lib/http/openapi'
import { insertApiToken } from '@/lib/repositories/api-tokens'
import { createUser } from '@/lib/repositories/users'
import { createActivationKey } from '@/lib/services/activation-keys'
import { openTestDatabase } from './database'

/** Route files that are deliberately not in the API registry (and so not in the OpenAPI document), with the reason. */
const UNREGISTERED = new Map([['app/api/auth/[...nextauth]/route.ts', "next-auth's own endpoints, not Patchboard's API"]])

let db: Database
let close: () => Promise<void>
let routes: RouteHandler[]
/** Who calls: each role with an API token, an agent with an activation key, and nobody. */
const callers: { name: string; role?: Role; token?: string }[] = []

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  vi.spyOn(console, 'warn').mockImplementation(() => {}) // next-auth warns that NEXTAUTH_URL is unset
  for (const role of ROLES) {
    const user = await createUser(db, { email: `${role.replace(/\s+/g, '-').toLowerCase()}@test.io`, name: role, role, scope: { all: true, tags: [] }, passwordHash: '' })
    const generated = generateApiToken()
    await insertApiToken(db, { id: generated.id, userId: user.id, name: 'backstop', secretHash: generated.secretHash, createdAt: new Date().toISOString(), expiresAt: null })
    callers.push({ name: role, role, token: generated.token })
  }
  const admin = { id: 'u-admin', email: 'admin@test.io', name: 'Admin', role: 'Administrator' as const, scope: { all: true, tags: [] }, timeZone: 'UTC' }
  const key = await createActivationKey(db, admin as never, { title: 'backstop agent', tags: [] })
  callers.push({ name: 'agent (activation key)', token: key.key }, { name: 'unauthenticated' })
  routes = await discoverRouteHandlers()
})
afterAll(async () => {
  vi.restoreAllMocks()
  await close()
})

/** The decision a route must have recorded for a caller, from its registry entry; undefined: any decision will do. */
function expectedDecision(route: RouteHandler, caller: (typeof callers)[number]): Partial<AuthorizationDecision> | undefined {
  const auth = route.spec?.auth
  if (auth === undefined) return undefined
  if (auth === 'public') return { by: 'public' }
  if (auth === 'activationKey') return { by: 'activationKey', allowed: caller.name.startsWith('agent') }
  return caller.role ? { by: 'role', action: auth } : { by: 'authentication' }
}

function problemWith(answer: RouteAnswer, expected: Partial<AuthorizationDecision> | undefined): string | null {
  if (answer.made.length === 0) return `made no authorization decision (status ${answer.status} ${answer.text.slice(0, 120)})`
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.text.slice(0, 200)}`
  if (expected && !answer.made.some((decision) => Object.entries(expected).every(([key, value]) => (decision as Record<string, unknown>)[key] === value))) {
    return `recorded ${JSON.stringify(answer.made)}, not ${JSON.stringify(expected)} as its registry entry says`
  }
  return null
}

describe('every API route makes an authorization decision at run time', () => {
  it('finds the route handlers, and every registered route among them', () => {
    expect(routes.length).toBeGreaterThanOrEqual(API_ROUTES.length)
    for (const spec of API_ROUTES) expect(routes.some((route) => route.spec === spec), `${spec.method} ${spec.path}`).toBe(true)
  })

  it('every route handler is in the API registry (so in the OpenAPI document and in this test), or deliberately not', () => {
    const missing = routes.filter((route) => !route.spec && !UNREGISTERED.has(route.file)).map((route) => `${route.method} ${route.file}`)
    expect(missing, 'add these to API_ROUTES in lib/http/openapi.ts').toEqual([])
  })

  it('each handler, called as each of the six roles, as an agent and unauthenticated, records the decision its entry names', async () => {
    const problems: string[] = []
    for (const route of routes) {
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {}
      for (const caller of callers) {
        const answer = await callRoute(route, { token: caller.token, body })
        const problem = problemWith(answer, expectedDecision(route, caller))
        if (problem) problems.push(`${route.method} ${route.path} as ${caller.name}: ${problem}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('this check fails on a handler that decides nothing, whether wrapped by the backstop or not', async () => {
    const leaky: RouteHandler = { file: 'app/api/v1/leaky/route.ts', method: 'GET', path: '/api/v1/leaky', spec: undefined, handler: async () => Response.json({ rows: ['secret'] }) }
    expect(problemWith(await callRoute(leaky), undefined)).toMatch(/made no authorization decision/)
    const { withAuthorizationBackstop } = await import('@/lib/http/authorization-backstop')
    const wrapped: RouteHandler = { ...leaky, handler: (request) => withAuthorizationBackstop(request, async () => Response.json({ rows: ['secret'] })) }
    const answer = await callRoute(wrapped)
    expect(answer.status).toBe(500)
    expect(answer.json.error?.code).toBe('AUTHORIZATION_MISSING')
    expect(answer.text).not.toContain('secret')
  })

  it('a decision that names another action than the registry is caught', async () => {
    const reader = callers.find((caller) => caller.role === 'Patch Reader')!
    const assets = routes.find((route) => route.method === 'GET' && route.path === '/api/v1/assets')!
    const answer = await callRoute(assets, { token: reader.token })
    expect(problemWith(answer, { by: 'role', action: 'audit.view' })).toMatch(/as its registry entry says/)
    expect(problemWith(answer, { by: 'role', action: 'assets.view' })).toBeNull()
  })
})
