// GET /api/v1/agent/inventory?assetId=: the asset's current inventory as last reported, so an agent can send a complete new scan.
import { agentRoute } from '@/lib/http/agent-api'
import { notFound } from '@/lib/errors'
import { loadAgentInventory } from '@/lib/repositories/agent-inventory'
import { agentJobsQuery } from '@/lib/schemas/job-runs'

export const dynamic = 'force-dynamic'

export const GET = agentRoute(async ({ request, key, db }) => {
  const { assetId } = agentJobsQuery.parse(Object.fromEntries(request.nextUrl.searchParams))
  const inventory = await loadAgentInventory(db, assetId, key.tags)
  // A key with tags reads only the assets it tags; an unknown asset and another site's asset answer the same.
  if (!inventory) throw notFound(`No asset ${assetId} reported with this activation key's tags.`)
  return inventory
})
