// POST /api/v1/qql/validate: errors with positions, warnings, the plain-English reading, and the v2 form of a v1 query.
import { apiRoute } from '@/lib/http/api'
import { qqlValidateBody, validateSearch } from '@/lib/services/search'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({ action: 'assets.view', body: qqlValidateBody }, async ({ body }) => validateSearch(body.entity, body.query, body.version))
