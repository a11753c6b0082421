// DELETE /api/v1/admin/activation-keys/:id revokes the key: agents using it get 401 from then on.
import { apiRoute } from '@/lib/http/api'
import { revokeActivationKey } from '@/lib/services/activation-keys'
import { activationKeyIdParams } from '@/lib/services/ingest-admin'

export const dynamic = 'force-dynamic'

export const DELETE = apiRoute({ action: 'activationKeys.manage', params: activationKeyIdParams }, async ({ db, user, params }) =>
  revokeActivationKey(db, user, params.id),
)
