// Personal API tokens: the API's schemas and operations (own tokens for everyone, every token for administrators), audited.
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import { generateApiToken } from '@/lib/auth/api-tokens'
import { decideResourceAccess } from '@/lib/auth/policy'
import type { SessionUser } from '@/lib/auth/user'
import { invalid, notFound } from '@/lib/errors'
import { apiTokenListing, findApiTokenById, insertApiToken, listApiTokens, revokeApiToken, type ApiTokenListing } from '@/lib/repositories/api-tokens'
import { appendAudit } from '@/lib/repositories/audit'
import { findUserById } from '@/lib/repositories/users'
import type { createTokenBody } from '@/lib/schemas/account'

// The input schema lives in lib/schemas (pure, shared with the Account page's form).
export { createTokenBody, MAX_TOKEN_DAYS } from '@/lib/schemas/account'

export const tokenViewSchema = z.object({
  id: z.string(),
  userId: z.string(),
  userEmail: z.string(),
  name: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  version: z.number(),
  /** Decided on the server (expiry is a business rule): revoked wins over expired. */
  status: z.enum(['Active', 'Expired', 'Revoked']),
})
export type TokenView = z.infer<typeof tokenViewSchema>
export const tokenListSchema = z.object({ tokens: z.array(tokenViewSchema) })
/** The token itself appears in this answer only, once. */
export const createdTokenSchema = z.object({ token: z.string(), apiToken: tokenViewSchema })
export const tokenIdParams = z.object({ id: z.string().min(1).max(64) })

/**
 * A token minted with another API token may not outlive it (else a stolen short-lived token buys a permanent one):
 * asking for no expiry, or a later one, is refused with the longest lifetime still allowed.
 */
function refuseOutlivingMintingToken(user: SessionUser, expiresAt: string | null, now: Date): void {
  const mintingExpiry = user.apiToken?.expiresAt
  if (!mintingExpiry || (expiresAt !== null && Date.parse(expiresAt) <= Date.parse(mintingExpiry))) return
  const maxDays = Math.floor((Date.parse(mintingExpiry) - now.getTime()) / 86_400_000)
  throw invalid(
    'TOKEN_OUTLIVES_CREDENTIAL',
    `A token created with an API token cannot outlive it: the token you used expires at ${mintingExpiry}, so ask for ` +
      (maxDays >= 1 ? `at most ${maxDays} day${maxDays === 1 ? '' : 's'} (expiresInDays).` : 'a new token from a signed-in session instead.'),
    { mintingTokenExpiresAt: mintingExpiry, maxExpiresInDays: maxDays >= 1 ? maxDays : null },
  )
}

export async function createOwnToken(db: Database, user: SessionUser, input: z.infer<typeof createTokenBody>, now = new Date()) {
  const expiresAt = input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString()
  refuseOutlivingMintingToken(user, expiresAt, now)
  const generated = generateApiToken()
  const record = await insertApiToken(db, {
    id: generated.id,
    userId: user.id,
    name: input.name,
    secretHash: generated.secretHash,
    createdAt: now.toISOString(),
    expiresAt,
  })
  const apiToken = apiTokenListing(record, user.email)
  await appendAudit(db, { actor: user, action: 'apiToken.create', entity: 'apiToken', entityId: record.id, after: apiToken })
  return { token: generated.token, apiToken: toTokenView(apiToken, now) }
}

/** A token with the status people see: Revoked, Expired (its expiry has passed) or Active. */
export function toTokenView(token: ApiTokenListing, now = new Date()): TokenView {
  const expired = token.expiresAt !== null && Date.parse(token.expiresAt) <= now.getTime()
  return { ...token, status: token.revokedAt ? 'Revoked' : expired ? 'Expired' : 'Active' }
}

export async function listTokens(db: Database, userId?: string): Promise<{ tokens: TokenView[] }> {
  const now = new Date()
  return { tokens: (await listApiTokens(db, userId)).map((token) => toTokenView(token, now)) }
}

/** Revokes a token; `ownerId` limits it to that user's tokens (anyone else's answers 404, as if it did not exist). */
export async function revokeToken(db: Database, actor: SessionUser, id: string, ownerId?: string): Promise<TokenView> {
  const token = await findApiTokenById(db, id)
  if (!token || !decideResourceAccess(`apiToken:${id}`, ownerId === undefined || token.userId === ownerId)) throw notFound('No such API token.')
  const ownerEmail = (await findUserById(db, token.userId))?.email ?? ''
  if (token.revokedAt) return toTokenView(apiTokenListing(token, ownerEmail))
  const before = apiTokenListing(token, ownerEmail)
  const after = apiTokenListing(await revokeApiToken(db, token), ownerEmail)
  await appendAudit(db, { actor, action: 'apiToken.revoke', entity: 'apiToken', entityId: id, before, after })
  return toTokenView(after)
}
