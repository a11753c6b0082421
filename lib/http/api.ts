// Route-handler wrappers: session check, one authorization decision, zod-parsed input, uniform JSON errors.
import { NextResponse, type NextRequest } from 'next/server'
import { z } from 'zod'
import { getDatabase, type Database } from '@/clickhouse/client'
import { authorize, ForbiddenError, type Action } from '@/lib/auth/policy'
import { getCurrentUser } from '@/lib/auth/session'
import type { SessionUser } from '@/lib/auth/user'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

export function errorResponse(status: number, code: string, message: string, details?: unknown): NextResponse {
  return NextResponse.json({ error: { code, message, details: details ?? null } }, { status })
}

function toErrorResponse(error: unknown): NextResponse {
  if (error instanceof ApiError) return errorResponse(error.status, error.code, error.message, error.details)
  if (error instanceof ForbiddenError) return errorResponse(403, 'FORBIDDEN', error.message, { action: error.action })
  if (error instanceof z.ZodError) {
    const details = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
    return errorResponse(400, 'INVALID_INPUT', `Invalid input: ${details.map((d) => `${d.path || '(root)'}: ${d.message}`).join('; ')}`, details)
  }
  console.error('[api] unexpected error', error)
  return errorResponse(500, 'INTERNAL', 'Something went wrong on the server; the error is in the server log.')
}

interface Context<Query> {
  request: NextRequest
  user: SessionUser
  query: Query
  db: Database
}

/**
 * An authenticated API route. `action` is the route's authorization decision, made before any read or write.
 * The handler returns a Response, or a value sent as JSON.
 */
export function apiRoute<QuerySchema extends z.ZodTypeAny = z.ZodObject<Record<string, never>>>(
  options: { action: Action; query?: QuerySchema },
  handler: (context: Context<z.infer<QuerySchema>>) => Promise<unknown>,
) {
  return async (request: NextRequest): Promise<Response> => {
    try {
      const user = await getCurrentUser()
      if (!user) return errorResponse(401, 'UNAUTHENTICATED', 'Sign in first: this API needs a session.')
      authorize(user, options.action)
      const query = (options.query ?? z.object({})).parse(Object.fromEntries(request.nextUrl.searchParams)) as z.infer<QuerySchema>
      const result = await handler({ request, user, query, db: await getDatabase() })
      return result instanceof Response ? result : NextResponse.json(result)
    } catch (error) {
      return toErrorResponse(error)
    }
  }
}

/** A route open without a session (health checks). Kept separate so the authorization backstop can list them. */
export function publicApiRoute(handler: (request: NextRequest) => Promise<unknown>) {
  return async (request: NextRequest): Promise<Response> => {
    try {
      const result = await handler(request)
      return result instanceof Response ? result : NextResponse.json(result)
    } catch (error) {
      return toErrorResponse(error)
    }
  }
}
