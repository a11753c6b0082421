// GET /api/v1/agent/profile?assetId=: agents (activation key) ask which assessment profile applies to their asset — name, interval and why.
import { agentRoute } from '@/lib/http/agent-api'
import { agentProfileQuery } from '@/lib/schemas/profiles'
import { agentProfile } from '@/lib/services/profiles-agent'

export const dynamic = 'force-dynamic'

export const GET = agentRoute(({ request, key, db }) => {
  const { assetId } = agentProfileQuery.parse(Object.fromEntries(request.nextUrl.searchParams))
  return agentProfile(db, assetId, key.tags)
})
