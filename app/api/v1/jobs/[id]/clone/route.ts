// POST /api/v1/jobs/:id/clone: a Disabled copy of a job you may view, owned by you.
import { apiRoute } from '@/lib/http/api'
import { cloneJobBody, jobIdParams } from '@/lib/services/jobs'
import { cloneJob } from '@/lib/services/jobs-actions'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({ action: 'jobs.create', params: jobIdParams, body: cloneJobBody }, ({ db, user, params, body }) => cloneJob(db, user, params.id, body.name))
