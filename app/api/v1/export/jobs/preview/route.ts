// GET /api/v1/export/jobs/preview: what a Jobs export would hold (the query in words, the row count, the columns, the limits).
import { jobsPreviewQuery, previewJobsExport } from '@/lib/export/job-exports'
import { getExportRunner } from '@/lib/export/jobs-runtime'
import { apiRoute } from '@/lib/http/api'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'data.export', query: jobsPreviewQuery }, async ({ db, user, query }) =>
  previewJobsExport(db, user, query, (await getExportRunner()).limits),
)
