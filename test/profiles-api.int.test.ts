// Assessment profiles through the route handlers: view for every role, manage for Managers and Administrators, bad
// input answered 4xx (never 500), the default profile refused with a reason, bulk actions, and the agent endpoint.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { scanDocumentSchema } from '@/ingest/schema/scan'
import { writeScans } from '@/ingest/writer'
import { ROLES, type Role } from '@/lib/auth/user'
import type { ProfileView } from '@/lib/schemas/profiles'
import { createActivationKey } from '@/lib/services/activation-keys'
import { createCaller, dashboardApi, type Api, type Caller } from './dashboard-callers'
import { openTestDatabase } from './database'

let db: Database
let close: () => Promise<void>
let api: Api
const as: Partial<Record<Role, Caller>> = {}
let agentKey: string
let berlinKey: string
let berlinReader: Caller

const MANAGERS: Role[] = ['Patch Manager', 'Administrator']
const OTHERS: Role[] = ['Patch Reader', 'Patch Dashboard Author', 'Patch User', 'Patch Security']
const caller = (role: Role) => as[role]!
const agent = (token: string): Caller => ({ user: as.Administrator!.user, token })

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  for (const role of ROLES) as[role] = await createCaller(db, role, `${role.replace(/\s+/g, '-').toLowerCase()}@test.io`)
  berlinReader = await createCaller(db, 'Patch Reader', 'berlin-reader@test.io', { all: false, tags: ['Site-Berlin'] })
  api = await dashboardApi()
  const admin = caller('Administrator').user
  agentKey = (await createActivationKey(db, admin, { title: 'all sites', tags: [] })).key
  berlinKey = (await createActivationKey(db, admin, { title: 'Berlin', tags: ['Site-Berlin'] })).key
  const scannedAt = new Date().toISOString()
  await writeScans(db, [
    scanDocumentSchema.parse({ scannedAt, asset: { id: 'srv-1', name: 'SRV-1', operatingSystem: 'Windows Server 2022', tags: ['Servers', 'Site-Berlin'] }, patches: [] }),
    scanDocumentSchema.parse({ scannedAt, asset: { id: 'srv-2', name: 'SRV-2', operatingSystem: 'Windows Server 2022', tags: ['Servers', 'Site-London'] }, patches: [] }),
  ])
}, 120_000)
afterAll(async () => {
  vi.restoreAllMocks()
  await close()
})

async function create(who: Caller, name: string, tags: string[], intervalHours = 6) {
  const answer = await api(who, 'POST', '/api/v1/profiles', { name, tags, intervalHours })
  expect(answer.status, answer.text).toBe(200)
  return answer.json as unknown as ProfileView
}

describe('permissions', () => {
  it('every role views the list; only Managers and Administrators get manage actions and may change profiles', async () => {
    const profile = await create(caller('Patch Manager'), 'Servers', ['Servers'])
    for (const role of ROLES) {
      const list = await api(caller(role), 'GET', '/api/v1/profiles')
      expect(list.status, role).toBe(200)
      const profiles = (list.json as unknown as { profiles: ProfileView[] }).profiles
      expect(profiles[0]).toMatchObject({ id: 'default', isDefault: true })
      const custom = profiles.find((candidate) => candidate.id === profile.id)!
      expect(custom.actions, role).toEqual(MANAGERS.includes(role) ? ['edit', 'disable', 'delete'] : [])
      expect(profiles[0].actions, role).toEqual(MANAGERS.includes(role) ? ['edit'] : [])
    }
    for (const role of OTHERS) {
      for (const [method, url, body] of [
        ['POST', '/api/v1/profiles', { name: 'x', tags: ['Site-Paris'], intervalHours: 24 }],
        ['PUT', `/api/v1/profiles/${profile.id}`, { revision: 1, intervalHours: 8 }],
        ['DELETE', `/api/v1/profiles/${profile.id}`, undefined],
        ['POST', `/api/v1/profiles/${profile.id}/disable`, undefined],
        ['POST', '/api/v1/profiles/bulk', { action: 'delete', ids: [profile.id] }],
      ] as const) {
        const answer = await api(caller(role), method, url, body)
        expect(answer.status, `${role} ${method} ${url}`).toBe(403)
      }
    }
    expect((await api(caller('Administrator'), 'POST', `/api/v1/profiles/${profile.id}/disable`)).json).toMatchObject({ status: 'Disabled', actions: ['edit', 'enable', 'delete'] })
    expect((await api(caller('Administrator'), 'DELETE', `/api/v1/profiles/${profile.id}`)).status).toBe(200)
    expect((await api(caller('Patch Reader'), 'GET', `/api/v1/profiles/${profile.id}`)).status).toBe(404)
  })

  it('assets covered are counted in the viewer\'s tag scope', async () => {
    const profile = await create(caller('Patch Manager'), 'Scoped servers', ['Servers'])
    const count = async (who: Caller) => ((await api(who, 'GET', `/api/v1/profiles/${profile.id}`)).json as unknown as ProfileView).assetCount
    expect(await count(caller('Patch Reader'))).toBe(2)
    expect(await count(berlinReader)).toBe(1)
    await api(caller('Patch Manager'), 'DELETE', `/api/v1/profiles/${profile.id}`)
  })
})

describe('bad input is a 4xx with the reason, never a 500', () => {
  it.each([
    ['POST', '/api/v1/profiles', '{not json', 'INVALID_JSON'],
    ['POST', '/api/v1/profiles', {}, 'INVALID_INPUT'],
    ['POST', '/api/v1/profiles', { name: 'x', tags: [], intervalHours: 24 }, 'INVALID_INPUT'],
    ['POST', '/api/v1/profiles', { name: 'x', tags: ['a'], intervalHours: '6' }, 'INVALID_INPUT'],
    ['POST', '/api/v1/profiles', { name: 'x', tags: ['a'], intervalHours: 6.5 }, 'INVALID_INPUT'],
    ['POST', '/api/v1/profiles', { name: 'x', tags: ['a'], intervalHours: 100_000 }, 'INVALID_INPUT'],
    ['POST', '/api/v1/profiles', { name: 'x', tags: ['a'], intervalHours: 2 }, 'INTERVAL_TOO_SHORT'],
    ['POST', '/api/v1/profiles', { name: 'x', tags: ['a'], intervalHours: 24, status: 'Paused' }, 'INVALID_INPUT'],
    ['PUT', '/api/v1/profiles/not-an-id', { revision: 1, intervalHours: 8 }, 'INVALID_INPUT'],
    ['PUT', '/api/v1/profiles/default', { intervalHours: 8 }, 'INVALID_INPUT'],
    ['PUT', '/api/v1/profiles/default', { revision: 1 }, 'INVALID_INPUT'],
    ['POST', '/api/v1/profiles/bulk', { action: 'archive', ids: ['x'] }, 'INVALID_INPUT'],
    ['POST', '/api/v1/profiles/bulk', { action: 'delete', ids: [] }, 'INVALID_INPUT'],
    ['GET', '/api/v1/profiles/00000000-0000-4000-8000-000000000000', undefined, 'NOT_FOUND'],
    ['DELETE', '/api/v1/profiles/00000000-0000-4000-8000-000000000000', undefined, 'NOT_FOUND'],
  ] as const)('%s %s %j → %s', async (method, url, body, code) => {
    const answer = await api(caller('Patch Manager'), method, url, body)
    expect(answer.status, answer.text).toBeGreaterThanOrEqual(400)
    expect(answer.status, answer.text).toBeLessThan(500)
    expect(answer.json.error?.code).toBe(code)
  })

  it('the default profile: delete, enable and disable answer 409 with the reason; bulk refuses it and does the rest', async () => {
    for (const [method, url] of [['DELETE', '/api/v1/profiles/default'], ['POST', '/api/v1/profiles/default/enable'], ['POST', '/api/v1/profiles/default/disable']] as const) {
      const answer = await api(caller('Administrator'), method, url)
      expect(answer.status, url).toBe(409)
      expect(answer.json.error).toMatchObject({ code: 'DEFAULT_PROFILE' })
      expect(answer.json.error?.message).toMatch(/default profile cannot be/)
    }
    const profile = await create(caller('Patch Manager'), 'Bulk', ['Site-Paris'], 24)
    const bulk = await api(caller('Patch Manager'), 'POST', '/api/v1/profiles/bulk', { action: 'disable', ids: ['default', profile.id, 'gone'] })
    expect(bulk.status).toBe(200)
    expect(bulk.json).toMatchObject({ done: [profile.id], refused: [{ id: 'default', name: 'Default' }, { id: 'gone' }] })
    expect((await api(caller('Patch Manager'), 'POST', '/api/v1/profiles/bulk', { action: 'delete', ids: [profile.id] })).json).toMatchObject({ done: [profile.id], refused: [] })
  })

  it('a second profile naming a tag is refused 409 naming the first, at the tags field', async () => {
    const first = await create(caller('Patch Manager'), 'London', ['Site-London'])
    const answer = await api(caller('Administrator'), 'POST', '/api/v1/profiles', { name: 'Also London', tags: ['Site-London'], intervalHours: 6 })
    expect(answer.status).toBe(409)
    expect(answer.json.error).toMatchObject({ code: 'PROFILE_TAG_TAKEN', details: [{ path: 'tags' }] })
    expect(answer.json.error?.message).toContain('"London"')
    await api(caller('Patch Manager'), 'DELETE', `/api/v1/profiles/${first.id}`)
  })
})

describe('GET /api/v1/agent/profile', () => {
  it('answers the effective profile with its interval and why; 401 without a key, 400 without an asset id', async () => {
    const servers = await create(caller('Patch Manager'), 'Servers 6 h', ['Servers'])
    const answer = await api(agent(agentKey), 'GET', '/api/v1/agent/profile?assetId=srv-2')
    expect(answer.status, answer.text).toBe(200)
    expect(answer.json).toMatchObject({
      assetId: 'srv-2',
      profile: { id: servers.id, name: 'Servers 6 h', isDefault: false, intervalHours: 6, schedule: 'Every 6 h' },
      matchedTags: ['Servers'],
      reason: 'The asset carries tag "Servers" of the custom profile "Servers 6 h".',
    })
    // A Berlin key asking about the London asset learns nothing about it: the default, as for an unknown asset.
    expect((await api(agent(berlinKey), 'GET', '/api/v1/agent/profile?assetId=srv-2')).json).toMatchObject({ profile: { id: 'default' } })
    expect((await api(agent(berlinKey), 'GET', '/api/v1/agent/profile?assetId=srv-1')).json).toMatchObject({ profile: { id: servers.id } })
    expect((await api({ ...caller('Patch Reader'), token: '' }, 'GET', '/api/v1/agent/profile?assetId=srv-2')).status).toBe(401)
    expect((await api(caller('Administrator'), 'GET', '/api/v1/agent/profile?assetId=srv-2')).status).toBe(401)
    const missing = await api(agent(agentKey), 'GET', '/api/v1/agent/profile')
    expect(missing.status).toBe(400)
    expect(missing.json.error?.code).toBe('INVALID_INPUT')
    await api(caller('Patch Manager'), 'DELETE', `/api/v1/profiles/${servers.id}`)
  })
})
