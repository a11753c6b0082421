// POST /api/v1/jobs/:id/enable: enables a fully configured job (an on-demand job starts its run at once; 409 naming what is missing).
import { apiRoute } from '@/lib/http/api'
import { jobIdParams } from '@/lib/services/jobs'
import { enableJob } from '@/lib/services/jobs-actions'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({ action: 'jobs.operateOwn', params: jobIdParams }, ({ db, user, params }) => enableJob(db, user, params.id))
