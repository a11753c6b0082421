// GET /api/v1/openapi.json: the OpenAPI document, generated from the route registry's zod schemas.
import { apiRoute } from '@/lib/http/api'
import { openApiDocument } from '@/lib/http/openapi'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'account.manage' }, async () => openApiDocument())
