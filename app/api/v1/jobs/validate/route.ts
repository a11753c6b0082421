// POST /api/v1/jobs/validate: one wizard step checked by the server's schema ({ ok: true }, or 400 with details per field path).
import { apiRoute } from '@/lib/http/api'
import { validateJobStep, validateStepBody } from '@/lib/services/jobs-preview'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({ action: 'jobs.viewAssigned', body: validateStepBody }, async ({ body }) => validateJobStep(body))
