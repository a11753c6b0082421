// POST /api/v1/exports/:id/cancel: cancels your queued or running export job (a running one stops and its partial file is deleted).
import { apiRoute } from '@/lib/http/api'
import { cancelExport, exportIdParams } from '@/lib/services/exports'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({ action: 'data.export', params: exportIdParams }, ({ db, user, params }) => cancelExport(db, user, params.id))
