// POST /api/v1/jobs/:id/assign: a Patch Manager assigns a job advisory to its owner (a Patch User or Manager), who completes it.
import { apiRoute } from '@/lib/http/api'
import { jobIdParams } from '@/lib/services/jobs'
import { changeJobOwner, ownerBody } from '@/lib/services/jobs-actions'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({ action: 'jobs.changeOwner', params: jobIdParams, body: ownerBody }, ({ db, user, params, body }) => changeJobOwner(db, user, params.id, body.ownerId, 'assign'))
