// GET /api/v1/exports/preview: what an export of a list query would hold — its reading in words, the row count in your scope, the columns, the limits.
import { apiRoute } from '@/lib/http/api'
import { exportPreviewQuery, previewExport } from '@/lib/services/exports'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'data.export', query: exportPreviewQuery }, ({ db, user, query }) => previewExport(db, user, query))
