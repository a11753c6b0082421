// GET /api/v1/export/job-progress: a run's asset × patch rows (the progress page's run, status filter and asset query) as CSV or XLSX.
import { jobProgressExportQuery, prepareJobProgressExport } from '@/lib/export/job-exports'
import { tableDownloadResponse } from '@/lib/export/table-download'
import { apiRoute } from '@/lib/http/api'
import { jobProgress, jobProgressQuery } from '@/lib/services/job-progress'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'data.export', query: jobProgressExportQuery }, async ({ db, user, query, request }) => {
  const filters = jobProgressQuery.parse({ runId: query.runId, status: query.status, q: query.q })
  // The progress service authorizes: a job the caller may not view is a 404 before any byte.
  const prepared = await prepareJobProgressExport(user, query, (page, pageSize) => jobProgress(db, user, query.job, { ...filters, page, pageSize }))
  const described = `job ${query.job}${query.runId ? ` run ${query.runId}` : ' latest run'}${query.status ? ` status ${query.status}` : ''}${query.q ? ` assets ${query.q}` : ''}`
  return tableDownloadResponse({ db, user, entity: 'jobProgress', format: query.format, query: described, version: 0, prepared, signal: request.signal })
})
