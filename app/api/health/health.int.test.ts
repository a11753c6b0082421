// GET /api/health through its handler in Next's request scope: anonymous callers learn only ok/degraded; engine details need a token or session.
import '@/test/next-request-scope'
import { NextRequest } from 'next/server'
import { afterAll, describe, expect, it } from 'vitest'
import { closeDatabase } from '@/clickhouse/client'
import { generateApiToken } from '@/lib/auth/api-tokens'
import { insertApiToken } from '@/lib/repositories/api-tokens'
import { createUser } from '@/lib/repositories/users'
import { openTestDatabase } from '@/test/database'
import { inNextRequestScope } from '@/test/next-request-scope'
import { GET } from './route'

async function health(headers: Record<string, string> = {}) {
  const request = new NextRequest('http://patchboard.test/api/health', { headers })
  const response = await inNextRequestScope('/api/health/route', request, () => GET(request))
  return { status: response.status, json: await response.json() }
}

afterAll(async () => closeDatabase())

describe('/api/health', () => {
  it('says only "degraded" (503) when the engine does not answer', async () => {
    process.env.CLICKHOUSE_URL = 'http://127.0.0.1:9'
    expect(await health()).toEqual({ status: 503, json: { status: 'degraded' } })
  })

  it('says only "ok" without a session, and the engine, versions and counts with a token', async () => {
    const { db } = await openTestDatabase()
    expect(await health()).toEqual({ status: 200, json: { status: 'ok' } })
    const user = await createUser(db, { email: 'ops@test.io', name: 'Ops', role: 'Patch Reader', scope: { all: false, tags: [] }, passwordHash: '' })
    const generated = generateApiToken()
    await insertApiToken(db, { id: generated.id, userId: user.id, name: 'ops', secretHash: generated.secretHash, createdAt: new Date().toISOString(), expiresAt: null })
    const detailed = await health({ authorization: `Bearer ${generated.token}` })
    expect(detailed.json).toMatchObject({ status: 'ok', engine: 'embedded', rows: { users: 1 } })
    expect(detailed.json.clickhouseVersion).toMatch(/^\d+\./)
  })
})
