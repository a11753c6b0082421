// GET /api/v1/profiles: every assessment profile (the default first) with assets covered in your scope and your actions;
// POST creates a custom profile (tags exclusive to it, interval at least the subscription's minimum).
import { apiRoute } from '@/lib/http/api'
import { createProfileBody } from '@/lib/schemas/profiles'
import { createProfile } from '@/lib/services/profiles'
import { listProfileViews, profileViewAfterWrite } from '@/lib/services/profiles-view'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'profiles.view' }, async ({ db, user }) => ({ profiles: await listProfileViews(db, user) }))

export const POST = apiRoute({ action: 'profiles.manage', body: createProfileBody }, async ({ db, user, body }) =>
  profileViewAfterWrite(db, user, await createProfile(db, user, body)),
)
