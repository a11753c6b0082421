// Route wrapper for agents: the activation key (Authorization: Bearer pbk_…) is the authorization decision.
import { NextResponse, type NextRequest } from 'next/server'
import { getDatabase, type Database } from '@/clickhouse/client'
import { checkActivationKey } from '@/lib/auth/activation-keys'
import { recordAuthorization } from '@/lib/auth/authorization-record'
import type { ActivationKeyRecord } from '@/lib/repositories/activation-keys'
import { withAuthorizationBackstop } from './authorization-backstop'
import { errorResponse, toErrorResponse } from './errors'

export interface AgentContext {
  request: NextRequest
  key: ActivationKeyRecord
  db: Database
}

/** An agent API route: a valid, unrevoked activation key or 401 with the specific reason; JSON errors as apiRoute's. */
export function agentRoute(handler: (context: AgentContext) => Promise<unknown>) {
  return (request: NextRequest): Promise<Response> =>
    withAuthorizationBackstop(request, async () => {
      try {
        const db = await getDatabase()
        const check = await checkActivationKey(db, request.headers.get('authorization'))
        recordAuthorization({ by: 'activationKey', allowed: check.ok })
        if (!check.ok) return errorResponse(401, check.code, check.message)
        const result = await handler({ request, key: check.key, db })
        return result instanceof Response ? result : NextResponse.json(result)
      } catch (error) {
        return toErrorResponse(error, 'agent-api')
      }
    })
}
