// POST /api/v1/dashboards/rebuild: "Rebuild widgets" on every dashboard (Administrators), with a report per dashboard and widget.
import { apiRoute } from '@/lib/http/api'
import { rebuildAllBody, rebuildAllDashboards } from '@/lib/services/dashboards-data'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({ action: 'dashboards.editAny', body: rebuildAllBody }, ({ db, user, body }) => rebuildAllDashboards(db, user, body))
