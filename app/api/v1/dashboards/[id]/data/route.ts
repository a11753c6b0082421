// GET /api/v1/dashboards/:id/data?filters=…&tags=…&refresh=1: every widget's result in your tag scope, in one call.
import { apiRoute } from '@/lib/http/api'
import { dashboardIdParams } from '@/lib/services/dashboards'
import { dashboardData, dashboardDataQuery } from '@/lib/services/dashboards-data'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'dashboards.view', params: dashboardIdParams, query: dashboardDataQuery }, ({ db, user, params, query }) =>
  dashboardData(db, user, params.id, query),
)
