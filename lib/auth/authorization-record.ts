// The authorization decisions of the current API request (AsyncLocalStorage), so lib/http can refuse a handler that made none.
import { AsyncLocalStorage } from 'node:async_hooks'
import type { Action } from './policy'

/** One decision, as recorded: who or what allowed (or refused) the request, and on what grounds. */
export type AuthorizationDecision =
  /** authorize(): the caller's role and one action of the permission table. */
  | { by: 'role'; action: Action; allowed: boolean }
  /** A resource-level check inside a handler (the owner of a saved search, of an API token). */
  | { by: 'resource'; resource: string; allowed: boolean }
  /** agentRoute: an agent's activation key. */
  | { by: 'activationKey'; allowed: boolean }
  /** A route open to anyone, with the reason it may be. */
  | { by: 'public'; reason: string }
  /** Refused before any authorization could be made: no or bad credentials (401), a cross-site write (403). */
  | { by: 'authentication'; status: number }

const requests = new AsyncLocalStorage<AuthorizationDecision[]>()

/**
 * Runs `handle` with a record of its authorization decisions and returns them with its result.
 * Inside an outer record (a test observing a route) the decisions also go to that one; `made` holds this call's.
 */
export async function recordingAuthorization<T>(handle: () => Promise<T>): Promise<{ result: T; made: readonly AuthorizationDecision[] }> {
  const outer = requests.getStore()
  const made: AuthorizationDecision[] = []
  const result = await requests.run(made, handle)
  outer?.push(...made)
  return { result, made }
}

/** Records a decision in the current request; outside one (a server-rendered page) there is nothing to record. */
export function recordAuthorization(decision: AuthorizationDecision): void {
  requests.getStore()?.push(decision)
}
