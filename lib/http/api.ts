// Route-handler wrappers: bearer token or session, CSRF check, one authorization decision, zod-parsed input, uniform JSON errors.
import { NextResponse, type NextRequest } from 'next/server'
import { z } from 'zod'
import { getDatabase, type Database } from '@/clickhouse/client'
import { API_TOKEN_PREFIX, resolveApiToken } from '@/lib/auth/api-tokens'
import { recordAuthorization } from '@/lib/auth/authorization-record'
import { authorize, type Action } from '@/lib/auth/policy'
import { getCurrentUser } from '@/lib/auth/session'
import type { SessionUser } from '@/lib/auth/user'
import { invalid } from '@/lib/errors'
import { withAuthorizationBackstop } from './authorization-backstop'
import { isSameOriginRequest } from './client-origin'
import { errorResponse, toErrorResponse } from './errors'

const STATE_CHANGING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Who makes the request: a `Bearer pbt_…` token's user, else the session cookie's user. */
async function authenticate(request: Request): Promise<SessionUser | Response> {
  const authorization = request.headers.get('authorization')
  if (authorization !== null) {
    const [scheme, token] = authorization.trim().split(/\s+/, 2)
    if (scheme.toLowerCase() !== 'bearer' || !token?.startsWith(API_TOKEN_PREFIX)) {
      return errorResponse(401, 'UNAUTHENTICATED', `Use "Authorization: Bearer ${API_TOKEN_PREFIX}…" with a personal API token.`)
    }
    const user = await resolveApiToken(await getDatabase(), token)
    return user ?? errorResponse(401, 'INVALID_TOKEN', 'The API token is unknown, revoked or expired, or its user is disabled.')
  }
  if (STATE_CHANGING_METHODS.has(request.method) && !isSameOriginRequest(request)) {
    return errorResponse(403, 'CSRF_REJECTED', 'Cross-site request refused: send it from Patchboard itself, or with an API token.')
  }
  const user = await getCurrentUser()
  return user ?? errorResponse(401, 'UNAUTHENTICATED', 'Sign in first: this API needs a session or an API token.')
}

async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text()
  if (text.trim() === '') return {}
  try {
    return JSON.parse(text)
  } catch {
    throw invalid('INVALID_JSON', 'The request body is not valid JSON.')
  }
}

type AnySchema = z.ZodTypeAny
type EmptySchema = z.ZodObject<Record<string, never>>

interface Context<Query, Body, Params> {
  request: NextRequest
  user: SessionUser
  query: Query
  body: Body
  params: Params
  db: Database
}

export interface RouteContext {
  params: Promise<Record<string, string | string[] | undefined>>
}

/**
 * An authenticated API route. `action` is the route's authorization decision, made before any read or write.
 * `query`, `body` (JSON) and `params` (path segments) are parsed with their zod schemas after it.
 * The handler returns a Response, or a value sent as JSON.
 */
export function apiRoute<QuerySchema extends AnySchema = EmptySchema, BodySchema extends AnySchema = EmptySchema, ParamsSchema extends AnySchema = EmptySchema>(
  options: { action: Action; query?: QuerySchema; body?: BodySchema; params?: ParamsSchema },
  handler: (context: Context<z.infer<QuerySchema>, z.infer<BodySchema>, z.infer<ParamsSchema>>) => Promise<unknown>,
) {
  return (request: NextRequest, routeContext?: RouteContext): Promise<Response> =>
    withAuthorizationBackstop(request, async () => {
      try {
        const authenticated = await authenticate(request)
        if (authenticated instanceof Response) {
          recordAuthorization({ by: 'authentication', status: authenticated.status })
          return authenticated
        }
        authorize(authenticated, options.action)
        const query = (options.query ?? z.object({})).parse(Object.fromEntries(request.nextUrl.searchParams)) as z.infer<QuerySchema>
        const params = (options.params ?? z.object({})).parse((await routeContext?.params) ?? {}) as z.infer<ParamsSchema>
        const body = (options.body ? options.body.parse(await readJsonBody(request)) : {}) as z.infer<BodySchema>
        const result = await handler({ request, user: authenticated, query, body, params, db: await getDatabase() })
        return result instanceof Response ? result : NextResponse.json(result)
      } catch (error) {
        return toErrorResponse(error, 'api')
      }
    })
}

/** A route open without a session (health checks, published schemas); `reason` says why it may be, and is its recorded decision. */
export function publicApiRoute(reason: string, handler: (request: NextRequest, routeContext?: RouteContext) => Promise<unknown>) {
  return (request: NextRequest, routeContext?: RouteContext): Promise<Response> =>
    withAuthorizationBackstop(request, async () => {
      recordAuthorization({ by: 'public', reason })
      try {
        const result = await handler(request, routeContext)
        return result instanceof Response ? result : NextResponse.json(result)
      } catch (error) {
        return toErrorResponse(error, 'api')
      }
    })
}
