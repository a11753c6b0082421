// GET /api/v1/jobs/:id/progress: a run's progress (the latest unless runId) over the assets in your scope, with filters and paging.
import { apiRoute } from '@/lib/http/api'
import { jobProgress, jobProgressQuery } from '@/lib/services/job-progress'
import { jobIdParams } from '@/lib/services/jobs'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'jobs.viewAssigned', params: jobIdParams, query: jobProgressQuery }, ({ db, user, params, query }) =>
  jobProgress(db, user, params.id, query),
)
