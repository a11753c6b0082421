// POST /api/v1/jobs/bulk: delete, enable or change the owner of many jobs; each id done or refused with its reason.
import { apiRoute } from '@/lib/http/api'
import { bulkJobs, bulkJobsBody } from '@/lib/services/jobs-actions'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({ action: 'jobs.operateOwn', body: bulkJobsBody }, ({ db, user, body }) => bulkJobs(db, user, body))
