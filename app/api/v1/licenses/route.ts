// GET/PUT /api/v1/licenses: the licence count, include and exclude tags and the consumption counter; anyone who views profiles reads them, licenses.manage changes them.
import { apiRoute } from '@/lib/http/api'
import { updateLicenseSettingsBody } from '@/lib/schemas/licenses'
import { getLicenseOverview, updateLicenseSettings } from '@/lib/services/licensing'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'profiles.view' }, ({ db }) => getLicenseOverview(db))

export const PUT = apiRoute({ action: 'licenses.manage', body: updateLicenseSettingsBody }, ({ db, user, body }) => updateLicenseSettings(db, user, body))
