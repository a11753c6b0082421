// POST /api/v1/jobs/:id/disable: disables an enabled job (not a run-once or on-demand one).
import { apiRoute } from '@/lib/http/api'
import { jobIdParams } from '@/lib/services/jobs'
import { disableJob } from '@/lib/services/jobs-actions'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({ action: 'jobs.operateOwn', params: jobIdParams }, ({ db, user, params }) => disableJob(db, user, params.id))
