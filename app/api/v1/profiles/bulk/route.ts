// POST /api/v1/profiles/bulk: delete, enable or disable several custom profiles; each done or refused with its reason (the default always is).
import { apiRoute } from '@/lib/http/api'
import { profileBulkBody } from '@/lib/schemas/profiles'
import { bulkProfileAction } from '@/lib/services/profiles'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({ action: 'profiles.manage', body: profileBulkBody }, ({ db, user, body }) => bulkProfileAction(db, user, body))
