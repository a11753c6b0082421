// POST /api/v1/dashboards/:id/rebuild: rewrites outdated widgets in current tokens (dryRun: only the report), saves, reports each.
import { apiRoute } from '@/lib/http/api'
import { dashboardIdParams } from '@/lib/services/dashboards'
import { rebuildDashboard, rebuildDashboardBody } from '@/lib/services/dashboards-data'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({ action: 'dashboards.editOwn', params: dashboardIdParams, body: rebuildDashboardBody }, ({ db, user, params, body }) =>
  rebuildDashboard(db, user, params.id, body),
)
