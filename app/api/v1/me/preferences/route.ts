// GET/PATCH /api/v1/me/preferences: the caller's display preferences (colour theme).
import { apiRoute } from '@/lib/http/api'
import { updatePreferencesBody } from '@/lib/schemas/preferences'
import { getPreferences, updatePreferences } from '@/lib/services/preferences'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'account.manage' }, ({ db, user }) => getPreferences(db, user))

export const PATCH = apiRoute({ action: 'account.manage', body: updatePreferencesBody }, ({ db, user, body }) => updatePreferences(db, user, body))
