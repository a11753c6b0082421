// Input schemas of the ingest administration API (uploads, history, quarantine, activation keys), shared with OpenAPI.
import { z } from 'zod'
import { INGEST_KINDS } from '@/ingest/pipeline'

export const uploadQuery = z.object({ kind: z.enum(INGEST_KINDS).default('scans'), fileName: z.string().max(512).default('') })
export const ingestHistoryQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(50) })
export const quarantineQuery = z.object({
  ingestId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
export const quarantineIdParams = z.object({ id: z.string().min(1).max(200) })
export const activationKeyIdParams = z.object({ id: z.string().uuid('not an activation key id') })
