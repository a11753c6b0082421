// POST /api/v1/widgets/preview {widget, filters}: the widget builder's live preview, on real data in your tag scope.
import { apiRoute } from '@/lib/http/api'
import { previewWidget, widgetPreviewBody } from '@/lib/services/dashboards-data'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({ action: 'dashboards.editOwn', body: widgetPreviewBody }, ({ db, user, body }) => previewWidget(db, user, body))
