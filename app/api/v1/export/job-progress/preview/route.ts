// GET /api/v1/export/job-progress/preview: what a job-progress export would hold (rows, the run and filters in words, the columns).
import { jobProgressPreviewQuery, previewJobProgressExport } from '@/lib/export/job-exports'
import { apiRoute } from '@/lib/http/api'
import { jobProgress, jobProgressQuery } from '@/lib/services/job-progress'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'data.export', query: jobProgressPreviewQuery }, ({ db, user, query }) => {
  const filters = jobProgressQuery.parse({ runId: query.runId, status: query.status, q: query.q })
  return previewJobProgressExport(user, query, (page, pageSize) => jobProgress(db, user, query.job, { ...filters, page, pageSize }))
})
