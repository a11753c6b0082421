// PUT /api/v1/dashboards/home {dashboardId}: the dashboard `/` opens for you (null: the default one).
import { apiRoute } from '@/lib/http/api'
import { chooseHomeDashboard, homeDashboardBody } from '@/lib/services/dashboards'

export const dynamic = 'force-dynamic'

export const PUT = apiRoute({ action: 'dashboards.view', body: homeDashboardBody }, ({ db, user, body }) => chooseHomeDashboard(db, user, body.dashboardId))
