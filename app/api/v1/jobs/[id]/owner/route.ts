// POST /api/v1/jobs/:id/owner: gives a job a new owner; from then on it runs only on assets in both the old and the new owner's scope.
import { apiRoute } from '@/lib/http/api'
import { jobIdParams } from '@/lib/services/jobs'
import { changeJobOwner, ownerBody } from '@/lib/services/jobs-actions'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({ action: 'jobs.changeOwner', params: jobIdParams, body: ownerBody }, ({ db, user, params, body }) => changeJobOwner(db, user, params.id, body.ownerId))
