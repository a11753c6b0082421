// GET lists activation keys (prefix only, with last use); POST creates one and returns the whole key once.
import { apiRoute } from '@/lib/http/api'
import { listActivationKeys } from '@/lib/repositories/activation-keys'
import { createActivationKey, createActivationKeyInput } from '@/lib/services/activation-keys'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'activationKeys.manage' }, async ({ db }) => ({ keys: await listActivationKeys(db) }))

export const POST = apiRoute({ action: 'activationKeys.manage', body: createActivationKeyInput }, async ({ db, user, body }) =>
  createActivationKey(db, user, body),
)
