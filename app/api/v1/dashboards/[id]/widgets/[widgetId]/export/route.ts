// GET /api/v1/dashboards/:id/widgets/:widgetId/export?format=csv|xlsx&filters=…&tags=…: one widget's data as a file.
import { apiRoute } from '@/lib/http/api'
import { exportWidgetData, widgetExportParams, widgetExportQuery } from '@/lib/services/dashboards-widget-export'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'dashboards.view', params: widgetExportParams, query: widgetExportQuery }, async ({ db, user, params, query }) => {
  const file = await exportWidgetData(db, user, params, query)
  return new Response(new Uint8Array(file.body), {
    headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.filename}"`, 'cache-control': 'no-store' },
  })
})
