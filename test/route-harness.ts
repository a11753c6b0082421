// Test harness: every route handler under app/api, found on disk, called as Next would (in its request scope), with the authorization decisions it recorded.
import './next-request-scope'
import fs from 'node:fs'
import path from 'node:path'
import { NextRequest } from 'next/server'
import { recordingAuthorization, type AuthorizationDecision } from '@/lib/auth/authorization-record'
import { API_ROUTES, type ApiRouteSpec } from '@/lib/http/openapi'
import { inNextRequestScope } from './next-request-scope'

const root = path.resolve(__dirname, '..')
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const
type Method = (typeof METHODS)[number]
type Handler = (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>

export interface RouteHandler {
  /** e.g. `app/api/v1/admin/users/[id]/route.ts` */
  file: string
  method: Method
  /** The registry's form of the path: `/api/v1/admin/users/{id}`; a catch-all `[...x]` is `{...x}`. */
  path: string
  /** The route registry's entry (lib/http/openapi.ts), when the route is registered. */
  spec: ApiRouteSpec | undefined
  handler: Handler
}

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return routeFiles(full)
    return entry.name === 'route.ts' ? [path.relative(root, full)] : []
  })
}

const pathOf = (file: string) => `/${path.dirname(path.relative('app', file)).split(path.sep).join('/')}`.replace(/\[([^\]]+)\]/g, '{$1}')

/** Every exported handler of every route file under app/api, with its registry entry. */
export async function discoverRouteHandlers(): Promise<RouteHandler[]> {
  const found: RouteHandler[] = []
  for (const file of routeFiles(path.join(root, 'app', 'api')).sort()) {
    const module = (await import(path.join(root, file))) as Partial<Record<Method, Handler>>
    for (const method of METHODS) {
      const handler = module[method]
      if (typeof handler !== 'function') continue
      const routePath = pathOf(file)
      found.push({ file, method, path: routePath, handler, spec: API_ROUTES.find((spec) => spec.method === method && spec.path === routePath) })
    }
  }
  return found
}

/** A URL for a route whose path segments are placeholders: an id no row has, `session` for a catch-all. */
export function placeholderUrl(route: RouteHandler): string {
  return route.path.replace(/\{\.\.\.\w+\}/g, 'session').replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000')
}

function paramsOf(route: RouteHandler, pathname: string): Record<string, string | string[]> {
  const names: string[] = []
  const pattern = route.path.replace(/\{(\.\.\.)?(\w+)\}/g, (_whole, rest: string | undefined, name: string) => {
    names.push(name)
    return rest ? '(.+)' : '([^/]+)'
  })
  const match = new RegExp(`^${pattern}$`).exec(pathname)
  if (!match) throw new Error(`${pathname} is not a URL of ${route.path}`)
  return Object.fromEntries(names.map((name, index) => [name, route.path.includes(`{...${name}}`) ? match[index + 1].split('/') : decodeURIComponent(match[index + 1])]))
}

export interface CallOptions {
  url?: string
  token?: string
  body?: unknown
  headers?: Record<string, string>
}

export interface RouteAnswer {
  status: number
  text: string
  json: { error?: { code: string; message: string } } & Record<string, unknown>
  /** The authorization decisions the handler recorded. */
  made: readonly AuthorizationDecision[]
}

/** Calls a route handler as Next would, in its request scope, and records its authorization decisions. */
export async function callRoute(route: RouteHandler, options: CallOptions = {}): Promise<RouteAnswer> {
  const url = options.url ?? placeholderUrl(route)
  const headers: Record<string, string> = { host: 'patchboard.test', ...options.headers }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  const request = new NextRequest(`http://patchboard.test${url}`, {
    method: route.method,
    headers,
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  })
  const params = paramsOf(route, new URL(request.url).pathname)
  const page = `/${path.dirname(path.relative('app', route.file)).split(path.sep).join('/')}/route`
  const { result: response, made } = await recordingAuthorization(() => inNextRequestScope(page, request, () => route.handler(request, { params: Promise.resolve(params) })))
  const text = await response.text()
  let json = {}
  try {
    json = JSON.parse(text)
  } catch {
    // not JSON (a CSV export, a download, a redirect)
  }
  return { status: response.status, text, json, made }
}
