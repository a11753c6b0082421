// GET /api/v1/agent/jobs?assetId=: the open job runs assigned to the asset, with their patch lists (activation key).
import { agentRoute } from '@/lib/http/agent-api'
import { agentJobsQuery } from '@/lib/schemas/job-runs'
import { agentJobs } from '@/lib/services/job-runs-agent'

export const dynamic = 'force-dynamic'

export const GET = agentRoute(async ({ request, key, db }) => {
  const { assetId } = agentJobsQuery.parse(Object.fromEntries(request.nextUrl.searchParams))
  return agentJobs(db, assetId, key.tags)
})
