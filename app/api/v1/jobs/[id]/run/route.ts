// POST /api/v1/jobs/:id/run: Run now — a run of an enabled, fully configured job at once (409 otherwise); { runId, created }.
import { apiRoute } from '@/lib/http/api'
import { runJobNow } from '@/lib/services/job-runs-now'
import { jobIdParams } from '@/lib/services/jobs'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({ action: 'jobs.operateOwn', params: jobIdParams }, ({ db, user, params }) => runJobNow(db, user, params.id))
