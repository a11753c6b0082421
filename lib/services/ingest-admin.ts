// The ingest administration API (uploads, history, quarantine and its purge, activation keys): input schemas, shared with OpenAPI, and the purge.
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import { INGEST_KINDS } from '@/ingest/pipeline'
import type { SessionUser } from '@/lib/auth/user'
import { notFound } from '@/lib/errors'
import { findActivationKeyById } from '@/lib/repositories/activation-keys'
import { appendAudit } from '@/lib/repositories/audit'
import { rowOffsetSchema } from '@/lib/repositories/paging'
import { countQuarantine, deleteQuarantine, type QuarantineFilter } from '@/lib/repositories/quarantine'

export const uploadQuery = z.object({ kind: z.enum(INGEST_KINDS).default('scans'), fileName: z.string().max(512).default('') })
export const ingestHistoryQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(50) })

/** Which quarantined documents: received more than `olderThanDays` days ago, and/or sent with the activation key `keyId`. */
const quarantineSelection = z.object({
  olderThanDays: z.coerce.number().int().min(0).max(36_500).optional(),
  keyId: z.string().uuid('not an activation key id').optional(),
})

export const quarantineQuery = quarantineSelection.extend({
  ingestId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: rowOffsetSchema,
})

/** A purge says what it removes: an age and/or a key, or `all=true` for everything (never everything by omission). */
export const quarantinePurgeQuery = quarantineSelection
  .extend({ all: z.enum(['true']).optional() })
  .refine((query) => (query.all === 'true') !== (query.olderThanDays !== undefined || query.keyId !== undefined), {
    message: 'say what to purge: olderThanDays and/or keyId, or all=true for every quarantined document (not both)',
  })

export const quarantineIdParams = z.object({ id: z.string().min(1).max(200) })
export const activationKeyIdParams = z.object({ id: z.string().uuid('not an activation key id') })

/** The purge's audit-log entity id: `all`, or the filter (`olderThanDays=30&keyId=…`). */
function describeSelection(filter: QuarantineFilter): string {
  const parts = Object.entries(filter).filter(([, value]) => value !== undefined).map(([name, value]) => `${name}=${value}`)
  return parts.length > 0 ? parts.join('&') : 'all'
}

/** Deletes quarantined documents by age, by activation key, or all of them; audited with the count removed. */
export async function purgeQuarantine(db: Database, actor: SessionUser, query: z.infer<typeof quarantinePurgeQuery>): Promise<{ purged: number; selection: string }> {
  const filter: QuarantineFilter = { olderThanDays: query.olderThanDays, keyId: query.keyId }
  if (filter.keyId !== undefined && !(await findActivationKeyById(db, filter.keyId))) throw notFound(`No activation key with id ${filter.keyId}.`)
  const purged = await countQuarantine(db, filter)
  await deleteQuarantine(db, filter)
  const selection = describeSelection(filter)
  await appendAudit(db, { actor, action: 'quarantine.purge', entity: 'quarantine', entityId: selection, before: { documents: purged }, after: { purged, ...filter } })
  return { purged, selection }
}
