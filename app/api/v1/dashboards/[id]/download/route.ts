// GET /api/v1/dashboards/:id/download?format=png|pdf: the dashboard as you see it, rendered server-side in headless Chromium.
import { apiRoute } from '@/lib/http/api'
import { dashboardIdParams } from '@/lib/services/dashboards'
import { dashboardDownloadQuery, downloadDashboard } from '@/lib/services/dashboards-download'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'dashboards.download', params: dashboardIdParams, query: dashboardDownloadQuery }, async ({ db, user, params, query }) => {
  const file = await downloadDashboard(db, user, params.id, query)
  return new Response(new Uint8Array(file.bytes), { headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.filename}"` } })
})
