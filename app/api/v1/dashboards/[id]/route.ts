// GET /api/v1/dashboards/:id (with its definition); PUT saves it against a revision (409 when someone saved first);
// PATCH renames, describes or (un)shares it; DELETE removes it. Changes: its owner, or an Administrator.
import { apiRoute } from '@/lib/http/api'
import {
  dashboardIdParams,
  deleteDashboardQuery,
  getDashboard,
  removeDashboard,
  saveDashboard,
  saveDashboardBody,
  updateDashboard,
  updateDashboardBody,
} from '@/lib/services/dashboards'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'dashboards.view', params: dashboardIdParams }, ({ db, user, params }) => getDashboard(db, user, params.id))

export const PUT = apiRoute({ action: 'dashboards.editOwn', params: dashboardIdParams, body: saveDashboardBody }, ({ db, user, params, body }) =>
  saveDashboard(db, user, params.id, body),
)

export const PATCH = apiRoute({ action: 'dashboards.editOwn', params: dashboardIdParams, body: updateDashboardBody }, ({ db, user, params, body }) =>
  updateDashboard(db, user, params.id, body),
)

export const DELETE = apiRoute({ action: 'dashboards.editOwn', params: dashboardIdParams, query: deleteDashboardQuery }, ({ db, user, params, query }) =>
  removeDashboard(db, user, params.id, query.revision),
)
