// GET /api/v1/jobs/:id: one job you may view (404 otherwise); PUT saves it against the version you opened (409 naming who saved first); DELETE deletes it.
import { apiRoute } from '@/lib/http/api'
import { getJob, jobIdParams, saveJob, saveJobBody } from '@/lib/services/jobs'
import { deleteJob } from '@/lib/services/jobs-actions'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'jobs.viewAssigned', params: jobIdParams }, ({ db, user, params }) => getJob(db, user, params.id))

export const PUT = apiRoute({ action: 'jobs.operateOwn', params: jobIdParams, body: saveJobBody }, ({ db, user, params, body }) => saveJob(db, user, params.id, body))

export const DELETE = apiRoute({ action: 'jobs.operateOwn', params: jobIdParams }, ({ db, user, params }) => deleteJob(db, user, params.id))
