// Minting API tokens with an API token, through the real route handler: a new token never outlives the one that created it.
import { NextRequest } from 'next/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { generateApiToken } from '@/lib/auth/api-tokens'
import { insertApiToken } from '@/lib/repositories/api-tokens'
import { createUser } from '@/lib/repositories/users'
import { openTestDatabase } from '@/test/database'
import { POST } from '@/app/api/v1/me/tokens/route'

let db: Database
let close: () => Promise<void>
let userId: string

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  userId = (await createUser(db, { email: 'script@test.io', name: 'Script', role: 'Patch User', scope: { all: true, tags: [] }, passwordHash: '' })).id
})
afterAll(async () => close())

async function tokenExpiringInDays(days: number | null): Promise<string> {
  const generated = generateApiToken()
  const expiresAt = days === null ? null : new Date(Date.now() + days * 86_400_000).toISOString()
  await insertApiToken(db, { id: generated.id, userId, name: 'minting', secretHash: generated.secretHash, createdAt: new Date().toISOString(), expiresAt })
  return generated.token
}

async function mint(token: string, expiresInDays: number | null) {
  const request = new NextRequest('http://patchboard.test/api/v1/me/tokens', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'minted', expiresInDays }),
  })
  const response = await POST(request, { params: Promise.resolve({}) })
  return { status: response.status, json: await response.json() }
}

describe('a token minted with an API token', () => {
  it('cannot outlive it: a 1-day token gets no never-expiring token and no longer-lived one', async () => {
    const oneDay = await tokenExpiringInDays(1)
    for (const expiresInDays of [null, 30, 1]) {
      const refused = await mint(oneDay, expiresInDays)
      expect(refused.status).toBe(400)
      expect(refused.json.error.code).toBe('TOKEN_OUTLIVES_CREDENTIAL')
      expect(refused.json.error.message).toMatch(/cannot outlive it: the token you used expires at .*ask for a new token from a signed-in session/)
    }
  })

  it('may live as long as the minting token, and says how many days that is', async () => {
    const month = await tokenExpiringInDays(30)
    const tooLong = await mint(month, null)
    expect(tooLong.status).toBe(400)
    expect(tooLong.json.error.details.maxExpiresInDays).toBe(29)
    expect(tooLong.json.error.message).toMatch(/at most 29 days/)
    const fits = await mint(month, 29)
    expect(fits.status).toBe(200)
    expect(Date.parse(fits.json.apiToken.expiresAt)).toBeLessThanOrEqual(Date.now() + 30 * 86_400_000)
  })

  it('from a never-expiring token may itself never expire', async () => {
    expect((await mint(await tokenExpiringInDays(null), null)).status).toBe(200)
  })
})
