// POST /api/v1/dashboards/:id/duplicate: a private copy of a dashboard you may view, owned by you.
import { apiRoute } from '@/lib/http/api'
import { dashboardIdParams, duplicateDashboard, duplicateDashboardBody } from '@/lib/services/dashboards'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({ action: 'dashboards.editOwn', params: dashboardIdParams, body: duplicateDashboardBody }, ({ db, user, params, body }) =>
  duplicateDashboard(db, user, params.id, body),
)
