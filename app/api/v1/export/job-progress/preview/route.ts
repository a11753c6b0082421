// GET /api/v1/export/job-progress/preview: what a job-progress export would hold (rows, the run and filters in words, the columns, the limits).
import { jobProgressPreviewQuery, previewJobProgressExport, progressReader } from '@/lib/export/job-exports'
import { getExportRunner } from '@/lib/export/jobs-runtime'
import { apiRoute } from '@/lib/http/api'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'data.export', query: jobProgressPreviewQuery }, async ({ db, user, query }) =>
  previewJobProgressExport(user, query, progressReader(db, user, query), (await getExportRunner()).limits),
)
