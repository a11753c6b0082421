// GET /api/v1/exports/:id: one of your export jobs with its progress (rows written of the total, an ETA); another user's is a 404.
import { apiRoute } from '@/lib/http/api'
import { exportIdParams, exportStatus } from '@/lib/services/exports'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'data.export', params: exportIdParams }, ({ db, user, params }) => exportStatus(db, user, params.id))
