// The one mapping from errors to HTTP: a DomainError's kind gives the status, zod issues are a 400, anything else is a logged 500.
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { DomainError, type DomainErrorKind } from '@/lib/errors'

export const HTTP_STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'unsupported-media': 415,
  'rate-limited': 429,
  unavailable: 503,
}

/** The API's error body `{ error: { code, message, details } }` with its status. */
export function errorResponse(status: number, code: string, message: string, details?: unknown): NextResponse {
  return NextResponse.json({ error: { code, message, details: details ?? null } }, { status })
}

/** The response for an error a handler threw; `source` names the wrapper in the server log of an unexpected one. */
export function toErrorResponse(error: unknown, source: string): NextResponse {
  if (error instanceof DomainError) return errorResponse(HTTP_STATUS[error.kind], error.code, error.message, error.details)
  if (error instanceof z.ZodError) {
    const details = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
    return errorResponse(400, 'INVALID_INPUT', `Invalid input: ${details.map((d) => `${d.path || '(root)'}: ${d.message}`).join('; ')}`, details)
  }
  console.error(`[${source}] unexpected error`, error)
  return errorResponse(500, 'INTERNAL', 'Something went wrong on the server; the error is in the server log.')
}
