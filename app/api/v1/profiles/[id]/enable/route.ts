// POST /api/v1/profiles/:id/enable: a disabled custom profile applies again (the default: 409, it is always enabled).
import { apiRoute } from '@/lib/http/api'
import { profileIdParams } from '@/lib/schemas/profiles'
import { setProfileStatus } from '@/lib/services/profiles'
import { profileViewAfterWrite } from '@/lib/services/profiles-view'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({ action: 'profiles.manage', params: profileIdParams }, async ({ db, user, params }) =>
  profileViewAfterWrite(db, user, await setProfileStatus(db, user, params.id, 'Enabled')),
)
