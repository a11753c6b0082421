// POST /api/v1/ingest/job-results: agents send job results (JSON, array or NDJSON, optionally gzip) with an activation key.
import { agentRoute } from '@/lib/http/agent-api'
import { ingestWithActivationKey } from '@/lib/services/ingest-http'

export const dynamic = 'force-dynamic'

export const POST = agentRoute(ingestWithActivationKey('job-results'))
