// Personal API tokens: the API's schemas and operations (own tokens for everyone, every token for administrators), audited.
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import { generateApiToken } from '@/lib/auth/api-tokens'
import type { SessionUser } from '@/lib/auth/user'
import { ApiError } from '@/lib/http/api'
import { apiTokenListing, findApiTokenById, insertApiToken, listApiTokens, revokeApiToken, type ApiTokenListing } from '@/lib/repositories/api-tokens'
import { appendAudit } from '@/lib/repositories/audit'
import { findUserById } from '@/lib/repositories/users'

export const MAX_TOKEN_DAYS = 3650

export const createTokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  /** Days until the token stops working; omitted or null: it never expires. */
  expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).nullable().default(null),
})

export const tokenViewSchema = z.object({
  id: z.string(),
  userId: z.string(),
  userEmail: z.string(),
  name: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  version: z.number(),
})
export const tokenListSchema = z.object({ tokens: z.array(tokenViewSchema) })
/** The token itself appears in this answer only, once. */
export const createdTokenSchema = z.object({ token: z.string(), apiToken: tokenViewSchema })
export const tokenIdParams = z.object({ id: z.string().min(1).max(64) })

export async function createOwnToken(db: Database, user: SessionUser, input: z.infer<typeof createTokenBody>, now = new Date()) {
  const generated = generateApiToken()
  const record = await insertApiToken(db, {
    id: generated.id,
    userId: user.id,
    name: input.name,
    secretHash: generated.secretHash,
    createdAt: now.toISOString(),
    expiresAt: input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
  })
  const apiToken = apiTokenListing(record, user.email)
  await appendAudit(db, { actor: user, action: 'apiToken.create', entity: 'apiToken', entityId: record.id, after: apiToken })
  return { token: generated.token, apiToken }
}

export async function listTokens(db: Database, userId?: string): Promise<{ tokens: ApiTokenListing[] }> {
  return { tokens: await listApiTokens(db, userId) }
}

/** Revokes a token; `ownerId` limits it to that user's tokens (anyone else's answers 404, as if it did not exist). */
export async function revokeToken(db: Database, actor: SessionUser, id: string, ownerId?: string): Promise<ApiTokenListing> {
  const token = await findApiTokenById(db, id)
  if (!token || (ownerId !== undefined && token.userId !== ownerId)) throw new ApiError(404, 'NOT_FOUND', 'No such API token.')
  const ownerEmail = (await findUserById(db, token.userId))?.email ?? ''
  if (token.revokedAt) return apiTokenListing(token, ownerEmail)
  const before = apiTokenListing(token, ownerEmail)
  const after = apiTokenListing(await revokeApiToken(db, token), ownerEmail)
  await appendAudit(db, { actor, action: 'apiToken.revoke', entity: 'apiToken', entityId: id, before, after })
  return after
}
