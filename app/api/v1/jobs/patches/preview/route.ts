// POST /api/v1/jobs/patches/preview: the patches a job would run with (a dynamic query resolved as a run would), counted and sampled in your scope.
import { apiRoute } from '@/lib/http/api'
import { patchesPreviewBody, previewPatches } from '@/lib/services/jobs-preview'

export const dynamic = 'force-dynamic'

// Job authors (jobs.create) and Patch Security writing an advisory (jobs.createAdvisory): previewPatches decides.
export const POST = apiRoute({ action: 'jobs.viewAssigned', body: patchesPreviewBody }, ({ db, user, body }) => previewPatches(db, user, body))
