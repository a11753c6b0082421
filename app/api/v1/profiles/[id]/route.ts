// GET /api/v1/profiles/:id; PUT edits it against the revision you opened (409 naming who saved first; the default: only
// its interval); DELETE removes a custom profile (the default: 409 with the reason).
import { apiRoute } from '@/lib/http/api'
import { profileIdParams, updateProfileBody } from '@/lib/schemas/profiles'
import { deleteProfile, updateProfile } from '@/lib/services/profiles'
import { getProfileView, profileViewAfterWrite } from '@/lib/services/profiles-view'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'profiles.view', params: profileIdParams }, ({ db, user, params }) => getProfileView(db, user, params.id))

export const PUT = apiRoute({ action: 'profiles.manage', params: profileIdParams, body: updateProfileBody }, async ({ db, user, params, body }) =>
  profileViewAfterWrite(db, user, await updateProfile(db, user, params.id, body)),
)

export const DELETE = apiRoute({ action: 'profiles.manage', params: profileIdParams }, async ({ db, user, params }) => {
  await deleteProfile(db, user, params.id)
  return { deleted: params.id }
})
