// GET /api/v1/jobs: every job listed (QQL, filters, sort, paging) with the actions you may take on each; POST creates a job (Disabled) or, for Patch Security, a job advisory.
import { apiRoute } from '@/lib/http/api'
import { createJob, createJobBody, fetchJobPage, jobListQuery } from '@/lib/services/jobs'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'jobs.viewAssigned', query: jobListQuery }, ({ db, user, query }) => fetchJobPage(db, user, query))

// Creating a job needs jobs.create, an advisory jobs.createAdvisory: createJob decides which once it has read the body.
export const POST = apiRoute({ action: 'jobs.viewAssigned', body: createJobBody }, ({ db, user, body }) => createJob(db, user, body))
