// POST /api/v1/ingest/scans: agents send scan results (JSON, array or NDJSON, optionally gzip) with an activation key.
import { agentRoute } from '@/lib/http/agent-api'
import { ingestWithActivationKey } from '@/lib/services/ingest-http'

export const dynamic = 'force-dynamic'

export const POST = agentRoute(ingestWithActivationKey('scans'))
