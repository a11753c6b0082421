// POST /api/v1/jobs/targets/preview: how many assets the targets include in the owner's (and your) scope, a sample of them, and the tagged-assets figures.
import { apiRoute } from '@/lib/http/api'
import { previewTargets, targetsPreviewBody } from '@/lib/services/jobs-preview'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({ action: 'jobs.create', body: targetsPreviewBody }, ({ db, user, body }) => previewTargets(db, user, body))
