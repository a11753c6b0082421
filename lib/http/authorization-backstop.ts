// The run-time authorization backstop (as Fleet's authzcheck): every API handler runs in a request context, and one that answers without an authorization decision is refused.
import { recordingAuthorization } from '@/lib/auth/authorization-record'
import { errorResponse } from './errors'

/**
 * Runs a route's handling (which answers errors itself) and checks it recorded at least one authorization decision:
 * a role (authorize), a resource check, an activation key, a public route's reason, or an authentication refusal.
 * Without one: 500 AUTHORIZATION_MISSING outside production, so the route's tests fail; in production the answer is
 * withheld too (403, no details) and the server log says loudly which route it was — a missing check never leaks data.
 */
export async function withAuthorizationBackstop(request: Request, handle: () => Promise<Response>): Promise<Response> {
  const { result, made } = await recordingAuthorization(handle)
  // A 5xx is already a failure, logged with its cause (e.g. the database was down before the check could run).
  if (made.length > 0 || result.status >= 500) return result
  const route = `${request.method} ${new URL(request.url).pathname}`
  const problem = `${route} answered without an authorization decision (authorize(), decideResourceAccess(), an activation key or publicApiRoute with a reason)`
  if (process.env.NODE_ENV === 'production') {
    console.error(`[authorization] BUG: ${problem}; its answer (status ${result.status}) was withheld and 403 sent instead.`)
    return errorResponse(403, 'FORBIDDEN', 'Refused: the server made no authorization decision for this request; the error is in the server log.')
  }
  return errorResponse(500, 'AUTHORIZATION_MISSING', `${problem}; its answer (status ${result.status}) was withheld.`)
}
