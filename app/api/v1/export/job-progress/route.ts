// GET /api/v1/export/job-progress: a run's asset × patch rows (the progress page's run, status filter and asset query) as CSV or XLSX.
import { describeProgress, jobProgressExportQuery, prepareJobProgressExport, progressReader } from '@/lib/export/job-exports'
import { tableDownloadResponse } from '@/lib/export/table-download'
import { apiRoute } from '@/lib/http/api'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'data.export', query: jobProgressExportQuery }, async ({ db, user, query, request }) => {
  // The progress service authorizes: a job the caller may not view is a 404 before any byte.
  const prepared = await prepareJobProgressExport(user, query, progressReader(db, user, query))
  return tableDownloadResponse({ db, user, entity: 'jobProgress', format: query.format, query: describeProgress(query), version: 0, prepared, signal: request.signal })
})
