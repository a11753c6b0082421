// GET /api/v1/schema/{scan,catalog,job-result}.json: the ingest contracts as JSON Schema, open to agent developers.
import { documentJsonSchema, DOCUMENT_SCHEMA_NAMES, type DocumentSchemaName } from '@/ingest/schema/json-schema'
import { notFound } from '@/lib/errors'
import { publicApiRoute } from '@/lib/http/api'

export const dynamic = 'force-dynamic'

export const GET = publicApiRoute('the published ingest contracts (JSON Schema), for agent developers', async (request) => {
  const name = request.nextUrl.pathname.split('/').pop() as DocumentSchemaName
  if (!DOCUMENT_SCHEMA_NAMES.includes(name)) throw notFound(`No schema ${name}; there are ${DOCUMENT_SCHEMA_NAMES.join(', ')}.`)
  return Response.json(documentJsonSchema(name), { headers: { 'content-type': 'application/schema+json' } })
})
