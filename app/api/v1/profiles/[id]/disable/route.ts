// POST /api/v1/profiles/:id/disable: the custom profile stops applying; its assets fall to the next covering profile or the default.
import { apiRoute } from '@/lib/http/api'
import { profileIdParams } from '@/lib/schemas/profiles'
import { setProfileStatus } from '@/lib/services/profiles'
import { profileViewAfterWrite } from '@/lib/services/profiles-view'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({ action: 'profiles.manage', params: profileIdParams }, async ({ db, user, params }) =>
  profileViewAfterWrite(db, user, await setProfileStatus(db, user, params.id, 'Disabled')),
)
