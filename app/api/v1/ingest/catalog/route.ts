// POST /api/v1/ingest/catalog: agents send patch catalog entries (JSON, array or NDJSON, optionally gzip) with an activation key.
import { agentRoute } from '@/lib/http/agent-api'
import { ingestWithActivationKey } from '@/lib/services/ingest-http'

export const dynamic = 'force-dynamic'

export const POST = agentRoute(ingestWithActivationKey('catalog'))
