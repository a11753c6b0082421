// POST /api/v1/dashboards/import: an exported dashboard file (the body) becomes a new private dashboard of yours, with a report.
import { apiRoute } from '@/lib/http/api'
import { dashboardImportBody, importDashboardFile } from '@/lib/services/dashboards-data'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({ action: 'dashboards.editOwn', body: dashboardImportBody }, ({ db, user, body }) => importDashboardFile(db, user, body))
