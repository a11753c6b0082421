// GET /api/v1/export/jobs: the Jobs list's rows (its QQL, filters, sort and visibility) as a CSV or XLSX download.
import { prepareJobsExport, jobsExportQuery } from '@/lib/export/job-exports'
import { tableDownloadResponse } from '@/lib/export/table-download'
import { apiRoute } from '@/lib/http/api'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'data.export', query: jobsExportQuery }, async ({ db, user, query, request }) => {
  const prepared = await prepareJobsExport(db, user, query)
  return tableDownloadResponse({ db, user, entity: 'jobs', format: query.format, query: query.q, version: query.v, prepared, signal: request.signal })
})
