// The run-time authorization backstop refuses a handler that answered without an authorization decision, and lets decided ones through.
import { NextRequest } from 'next/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { recordingAuthorization } from '@/lib/auth/authorization-record'
import { authorize, decideResourceAccess } from '@/lib/auth/policy'
import { withAuthorizationBackstop } from './authorization-backstop'
import { publicApiRoute } from './api'

const request = () => new NextRequest('http://patchboard.test/api/v1/secret-things', { method: 'GET' })
const secret = () => Response.json({ rows: ['the data a missing check would leak'] })

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe('authorization backstop', () => {
  it('answers 500 AUTHORIZATION_MISSING, never the data, when a handler made no decision (development and tests)', async () => {
    const response = await withAuthorizationBackstop(request(), async () => secret())
    expect(response.status).toBe(500)
    const body = await response.json()
    expect(body.error.code).toBe('AUTHORIZATION_MISSING')
    expect(body.error.message).toContain('GET /api/v1/secret-things')
    expect(JSON.stringify(body)).not.toContain('the data')
  })

  it('in production withholds the answer too (403) and logs the route loudly', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const response = await withAuthorizationBackstop(request(), async () => secret())
    expect(response.status).toBe(403)
    expect(await response.text()).not.toContain('the data')
    expect(String(logged.mock.calls[0][0])).toMatch(/BUG: GET \/api\/v1\/secret-things answered without an authorization decision/)
  })

  it('lets through a handler that made a role decision, a resource decision or a public one', async () => {
    const reader = { role: 'Patch Reader' as const }
    for (const decide of [() => authorize(reader, 'assets.view'), () => decideResourceAccess('savedSearch:1', true)]) {
      const response = await withAuthorizationBackstop(request(), async () => {
        decide()
        return secret()
      })
      expect(response.status).toBe(200)
    }
    const open = publicApiRoute('a test route open to anyone', async () => ({ ok: true }))
    expect((await open(request())).status).toBe(200)
  })

  it('a refusal is a decision too: a role that may not is recorded, as denied', async () => {
    const { made } = await recordingAuthorization(async () => {
      expect(() => authorize({ role: 'Patch Reader' }, 'users.manage')).toThrow()
    })
    expect(made).toEqual([{ by: 'role', action: 'users.manage', allowed: false }])
  })

  it('keeps decisions of one request out of another running at the same time', async () => {
    let release = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const [first, second] = await Promise.all([
      recordingAuthorization(async () => {
        await gate // decides only after the second request has finished
        authorize({ role: 'Administrator' }, 'audit.view')
      }),
      recordingAuthorization(async () => release()),
    ])
    expect(first.made).toHaveLength(1)
    expect(second.made).toEqual([])
  })
})
