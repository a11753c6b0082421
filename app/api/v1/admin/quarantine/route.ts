// GET /api/v1/admin/quarantine: rejected documents (newest first, optionally of one ingest run) with their reasons.
import { z } from 'zod'
import { apiRoute } from '@/lib/http/api'
import { listQuarantine } from '@/lib/repositories/quarantine'

export const dynamic = 'force-dynamic'

const quarantineQuery = z.object({
  ingestId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

export const GET = apiRoute({ action: 'data.import', query: quarantineQuery }, async ({ db, query }) => listQuarantine(db, query))
