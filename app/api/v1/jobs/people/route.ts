// GET /api/v1/jobs/people?purpose=owner|coAuthor&jobId=: the users who may own a job, or co-author it.
import { apiRoute } from '@/lib/http/api'
import { jobPeopleQuery, listJobPeople } from '@/lib/services/jobs-people'

export const dynamic = 'force-dynamic'

// Owners need jobs.changeOwner, co-authors jobs.create: listJobPeople decides per purpose.
export const GET = apiRoute({ action: 'jobs.viewAssigned', query: jobPeopleQuery }, ({ db, user, query }) => listJobPeople(db, user, query))
