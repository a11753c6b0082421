// Licence allocation over the real engine: by activation time (ties by asset id), exclusions, over 100 %, tag changes, tiers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { toSessionUser, type SessionUser } from '@/lib/auth/user'
import { compileQql, ENTITY_SOURCES } from '@/lib/qql'
import { createUser } from '@/lib/repositories/users'
import { describeConsumption, updateLicenseSettingsBody } from '@/lib/schemas/licenses'
import { updateSubscriptionBody } from '@/lib/schemas/subscription'
import { openTestDatabase } from '@/test/database'
import { getLicenseOverview, licenseStatuses, updateLicenseSettings } from './licensing'
import { updateSubscription } from './subscription'

let db: Database
let close: () => Promise<void>
let manager: SessionUser

const asset = (id: string, activatedAt: string, tags: string[], version = 1) => ({ asset_id: id, name: id.toUpperCase(), tags, activated_at: activatedAt, version })
const IDS = ['a-early', 'b-tie', 'c-tie', 'd-late', 'e-excluded', 'f-untagged']

/** The asset ids a QQL query over the Assets list finds (tag scope: every asset). */
async function assetsMatching(query: string): Promise<string[]> {
  const compiled = compileQql({ query, entity: 'assets', user: { scope: { all: true, tags: [] }, timeZone: 'UTC' } })
  if (!compiled.ok) throw new Error(compiled.errors.map((error) => error.message).join('; '))
  const rows = await db.query<{ id: string }>(`SELECT a.asset_id AS id FROM ${ENTITY_SOURCES.assets} WHERE ${compiled.where} ORDER BY id`, compiled.params)
  return rows.map((row) => row.id)
}

async function statuses(): Promise<Record<string, string>> {
  return Object.fromEntries(await licenseStatuses(db, IDS))
}
const settings = (value: unknown) => updateLicenseSettingsBody.parse(value)
const setTier = (tier: 'free' | 'trial' | 'paid', expiresAt: string | null) => updateSubscription(db, manager, updateSubscriptionBody.parse({ tier, expiresAt }))

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  manager = toSessionUser(await createUser(db, { email: 'manager@example.test', name: 'Mia', role: 'Patch Manager', scope: { all: true, tags: [] }, passwordHash: '' }))
  await db.insert('assets', [
    asset('a-early', '2026-01-01T00:00:00Z', ['Servers']),
    // Activated in the same millisecond: the lower asset id gets the licence first.
    asset('c-tie', '2026-02-01T00:00:00Z', ['Servers']),
    asset('b-tie', '2026-02-01T00:00:00Z', ['Servers']),
    asset('d-late', '2026-03-01T00:00:00Z', ['Servers']),
    asset('e-excluded', '2025-01-01T00:00:00Z', ['Servers', 'Lab']),
    asset('f-untagged', '2025-01-01T00:00:00Z', ['Desktops']),
  ])
  await setTier('paid', '2099-12-31')
})
afterAll(async () => close())

describe('licence allocation', () => {
  it('licenses every asset until the settings are saved, and says the settings are not configured', async () => {
    expect(new Set(Object.values(await statuses()))).toEqual(new Set(['licensed']))
    expect(await getLicenseOverview(db)).toMatchObject({ configured: false, enforced: false, effectiveTier: 'paid' })
  })

  it('over-subscribed: licences go by ascending activation time, ties by asset id; exclusions and untagged assets hold none', async () => {
    await updateLicenseSettings(db, manager, settings({ licenseCount: 2, includeTags: ['Servers'], excludeTags: ['Lab'] }))
    expect(await statuses()).toEqual({ 'a-early': 'licensed', 'b-tie': 'licensed', 'c-tie': 'unlicensed', 'd-late': 'unlicensed', 'e-excluded': 'excluded', 'f-untagged': 'unlicensed' })
    const overview = await getLicenseOverview(db)
    expect(overview).toMatchObject({ configured: true, enforced: true, licenseCount: 2, consumed: 4, percent: 200, overBy: 2, excluded: 1, notIncluded: 1, totalAssets: 6, updatedBy: 'manager@example.test' })
    expect(describeConsumption(overview)).toBe('4 of 2 — 200 %')
    // The Assets list's `licensed` token reads the same allocation.
    expect(await assetsMatching('licensed: true')).toEqual(['a-early', 'b-tie'])
    expect(await assetsMatching('licensed: false AND tags.name: Servers')).toEqual(['c-tie', 'd-late', 'e-excluded'])
  })

  it('prints large counters with thousands separators past 100 %', () => {
    expect(describeConsumption({ consumed: 2140, licenseCount: 2000, percent: 107 })).toBe('2,140 of 2,000 — 107 %')
  })

  it('moves the licence on when an asset loses its include tag', async () => {
    await db.insert('assets', [asset('a-early', '2026-01-01T00:00:00Z', ['Desktops'], 2)])
    expect(await statuses()).toMatchObject({ 'a-early': 'unlicensed', 'b-tie': 'licensed', 'c-tie': 'licensed', 'd-late': 'unlicensed' })
    expect((await getLicenseOverview(db)).consumed).toBe(3)
  })

  it('with no include tags every asset not excluded is patchable; an unknown id holds no licence', async () => {
    await updateLicenseSettings(db, manager, settings({ licenseCount: 10, includeTags: null, excludeTags: ['Lab'] }))
    expect(await statuses()).toMatchObject({ 'a-early': 'licensed', 'f-untagged': 'licensed', 'e-excluded': 'excluded' })
    expect(Object.fromEntries(await licenseStatuses(db, ['no-such-asset']))).toEqual({ 'no-such-asset': 'unlicensed' })
    expect((await getLicenseOverview(db)).percent).toBe(50)
  })

  it('does not limit anything without an active paid subscription (trial, Free, or a lapsed paid one)', async () => {
    await updateLicenseSettings(db, manager, settings({ licenseCount: 0, includeTags: ['Servers'], excludeTags: ['Lab'] }))
    expect((await statuses())['b-tie']).toBe('unlicensed')
    for (const [tier, expiresAt] of [['trial', '2099-01-01'], ['free', null], ['paid', '2020-01-01']] as const) {
      await setTier(tier, expiresAt)
      expect(new Set(Object.values(await statuses())), `${tier} ${expiresAt}`).toEqual(new Set(['licensed']))
      expect(Object.fromEntries(await licenseStatuses(db, ['no-such-asset']))).toEqual({ 'no-such-asset': 'licensed' })
      expect(await assetsMatching('licensed: false')).toEqual([])
    }
  })

  it('audits every settings change with before and after', async () => {
    const rows = await db.query<{ actor_email: string; before: string; after: string }>("SELECT actor_email, before, after FROM audit_log WHERE action = 'licenses.update' ORDER BY at")
    expect(rows).toHaveLength(3)
    expect(rows[0].before).toBe('')
    expect(JSON.parse(rows[1].before)).toEqual({ licenseCount: 2, includeTags: ['Servers'], excludeTags: ['Lab'] })
    expect(JSON.parse(rows[1].after)).toEqual({ licenseCount: 10, includeTags: [], excludeTags: ['Lab'] })
  })

  it('refuses bad settings naming the field', () => {
    const issues = (value: unknown) => updateLicenseSettingsBody.safeParse(value).error?.issues.map((issue) => issue.path.join('.'))
    expect(issues({ licenseCount: -1 })).toEqual(['licenseCount'])
    expect(issues({ licenseCount: 1.5 })).toEqual(['licenseCount'])
    expect(issues({ licenseCount: 5, includeTags: ['Servers'], excludeTags: ['Servers'] })).toEqual(['excludeTags'])
    expect(issues({ licenseCount: 5, includeTags: [' '] })).toEqual(['includeTags.0'])
  })
})
