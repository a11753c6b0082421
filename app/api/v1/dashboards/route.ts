// GET /api/v1/dashboards: your and shared dashboards (Administrators: all); POST creates one of your own.
import { apiRoute } from '@/lib/http/api'
import { createDashboard, createDashboardBody, dashboardsFor } from '@/lib/services/dashboards'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'dashboards.view' }, ({ db, user }) => dashboardsFor(db, user))

export const POST = apiRoute({ action: 'dashboards.editOwn', body: createDashboardBody }, ({ db, user, body }) => createDashboard(db, user, body))
