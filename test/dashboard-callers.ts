// Test helper for the dashboard APIs: one user per role (API token, optional tag scope), calling route handlers by method and path.
import { callRoute, discoverRouteHandlers, type RouteAnswer, type RouteHandler } from './route-harness'
import type { Database } from '@/clickhouse/client'
import { generateApiToken } from '@/lib/auth/api-tokens'
import type { Role, SessionUser, TagScope } from '@/lib/auth/user'
import { insertApiToken } from '@/lib/repositories/api-tokens'
import { createUser } from '@/lib/repositories/users'

export interface Caller {
  user: SessionUser
  token: string
}

export type Api = (caller: Caller, method: RouteHandler['method'], url: string, body?: unknown, headers?: Record<string, string>) => Promise<RouteAnswer>

export async function createCaller(db: Database, role: Role, email: string, scope: TagScope = { all: true, tags: [] }): Promise<Caller> {
  const user = await createUser(db, { email, name: email.split('@')[0], role, scope, passwordHash: '' })
  const generated = generateApiToken()
  await insertApiToken(db, { id: generated.id, userId: user.id, name: 'test', secretHash: generated.secretHash, createdAt: new Date().toISOString(), expiresAt: null })
  return { user, token: generated.token }
}

/** Calls the route handler registered for `method` + the path of `url` (its `{id}` segments matched), as `caller`. */
export async function dashboardApi(): Promise<Api> {
  const routes = await discoverRouteHandlers()
  const matches = (route: RouteHandler, pathname: string) =>
    new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(pathname) && !routes.some((other) => other !== route && other.method === route.method && other.path === pathname)
  return (caller, method, url, body, headers) => {
    const pathname = new URL(url, 'http://x').pathname
    const exact = routes.find((route) => route.method === method && route.path === pathname)
    const route = exact ?? routes.find((candidate) => candidate.method === method && matches(candidate, pathname))
    if (!route) throw new Error(`no route for ${method} ${pathname}`)
    return callRoute(route, { url, token: caller.token || undefined, body, headers })
  }
}
