// Assessment profiles against the embedded engine: the default profile, tag exclusivity (also under truly concurrent
// creates), interval minimums per subscription tier, the effective-profile rule (SQL, the agent answer and QQL tokens),
// optimistic concurrency, the audit of every change, and the Free fallback that renewal does not undo.
import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { scanDocumentSchema } from '@/ingest/schema/scan'
import { writeScans } from '@/ingest/writer'
import { toSessionUser, type SessionUser } from '@/lib/auth/user'
import { DomainError } from '@/lib/errors'
import { runExport } from '@/lib/export/run'
import { compileQql } from '@/lib/qql'
import { listProfileRecords } from '@/lib/repositories/profiles'
import { createUser } from '@/lib/repositories/users'
import { updateSubscriptionBody } from '@/lib/schemas/subscription'
import { openTestDatabase } from '@/test/database'
import {
  applyFreeTierToProfiles,
  bulkProfileAction,
  createProfile,
  deleteProfile,
  loadProfiles,
  setProfileStatus,
  updateProfile,
} from './profiles'
import { agentProfile } from './profiles-agent'
import { listProfileViews } from './profiles-view'
import { updateSubscription } from './subscription'

let db: Database
let close: () => Promise<void>
let manager: SessionUser

const DAY = 24 * 3600_000
const setTier = (tier: 'free' | 'trial' | 'paid', expiresAt: string | null = tier === 'free' ? null : new Date(Date.now() + 30 * DAY).toISOString()) =>
  updateSubscription(db, manager, updateSubscriptionBody.parse({ tier, expiresAt }))

/** The error a call throws (the test fails when it throws none). */
async function refusal(call: Promise<unknown>): Promise<DomainError> {
  const error = await call.then(() => null, (thrown: unknown) => thrown)
  expect(error).toBeInstanceOf(DomainError)
  return error as DomainError
}

async function removeCustomProfiles() {
  for (const profile of await loadProfiles(db)) if (!profile.isDefault) await deleteProfile(db, manager, profile.id)
}

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString()
const scan = (id: string, tags: string[], scannedHoursAgo: number) =>
  scanDocumentSchema.parse({ scannedAt: hoursAgo(scannedHoursAgo), asset: { id, name: id.toUpperCase(), operatingSystem: 'Windows Server 2022', tags }, patches: [] })

async function assetIdsMatching(query: string): Promise<string[]> {
  const compiled = compileQql({ query, entity: 'assets', user: { scope: { all: true, tags: [] }, timeZone: 'UTC' } })
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors))
  const rows = await db.query<{ id: string }>(`SELECT a.asset_id AS id FROM assets AS a FINAL WHERE ${compiled.where} ORDER BY id`, compiled.params)
  return rows.map((row) => row.id)
}

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  manager = toSessionUser(await createUser(db, { email: 'manager@test.io', name: 'Manager', role: 'Patch Manager', scope: { all: true, tags: [] }, passwordHash: '' }))
  await writeScans(db, [
    scan('srv-berlin', ['Servers', 'Site-Berlin'], 10),
    scan('srv-london', ['Servers', 'Site-London'], 2),
    scan('wks-berlin', ['Workstations', 'Site-Berlin'], 10),
    scan('wks-paris', ['Workstations', 'Site-Paris'], 30),
  ])
})
afterAll(async () => close())
beforeEach(async () => {
  await setTier('trial')
  await removeCustomProfiles()
})

describe('the default profile', () => {
  it('exists from the first read, with the shortest interval of the tier (4 h on a trial), and is the only profile at first', async () => {
    const [only, ...rest] = await loadProfiles(db)
    expect(rest).toEqual([])
    expect(only).toMatchObject({ id: 'default', name: 'Default', isDefault: true, intervalHours: 4, status: 'Enabled', tags: [] })
    expect((await listProfileRecords(db)).filter((profile) => profile.isDefault)).toHaveLength(1)
  })

  it('cannot be deleted, enabled or disabled — each refused with the reason; its interval can be edited, not its name or tags', async () => {
    for (const call of [deleteProfile(db, manager, 'default'), setProfileStatus(db, manager, 'default', 'Disabled'), setProfileStatus(db, manager, 'default', 'Enabled')]) {
      const error = await refusal(call)
      expect(error).toMatchObject({ kind: 'conflict', code: 'DEFAULT_PROFILE' })
      expect(error.message).toMatch(/default profile cannot be (deleted|enabled|disabled).*every agent/)
    }
    const before = (await loadProfiles(db))[0]
    const edited = await updateProfile(db, manager, 'default', { revision: before.revision, intervalHours: 12 })
    expect(edited).toMatchObject({ intervalHours: 12, revision: before.revision + 1, status: 'Enabled' })
    expect((await refusal(updateProfile(db, manager, 'default', { revision: edited.revision, tags: ['Servers'] }))).code).toBe('DEFAULT_PROFILE')
    expect((await refusal(updateProfile(db, manager, 'default', { revision: edited.revision, name: 'Everything' }))).code).toBe('DEFAULT_PROFILE')
    const bulk = await bulkProfileAction(db, manager, { action: 'delete', ids: ['default'] })
    expect(bulk).toMatchObject({ done: [], refused: [{ id: 'default', name: 'Default' }] })
    await updateProfile(db, manager, 'default', { revision: edited.revision, intervalHours: 4 })
  })
})

describe('custom profiles', () => {
  it('a tag belongs to at most one custom profile: the second profile naming it is refused with the first one\'s name, ignoring case', async () => {
    await createProfile(db, manager, { name: 'Servers every 6 h', tags: ['Servers'], intervalHours: 6 })
    const error = await refusal(createProfile(db, manager, { name: 'Other', tags: ['Site-Paris', 'servers'], intervalHours: 8 }))
    expect(error).toMatchObject({ kind: 'conflict', code: 'PROFILE_TAG_TAKEN', details: [{ path: 'tags' }] })
    expect(error.message).toContain('"Servers" belongs to the custom profile "Servers every 6 h"')
    const other = await createProfile(db, manager, { name: 'Paris', tags: ['Site-Paris'], intervalHours: 8 })
    expect((await refusal(updateProfile(db, manager, other.id, { revision: other.revision, tags: ['Site-Paris', 'Servers'] }))).code).toBe('PROFILE_TAG_TAKEN')
    await setProfileStatus(db, manager, other.id, 'Disabled')
    expect((await refusal(createProfile(db, manager, { name: 'Paris again', tags: ['Site-Paris'], intervalHours: 8 }))).message).toContain('"Paris"')
  })

  it('two truly concurrent creates naming the same tag: exactly one is created, the other refused naming it', async () => {
    const results = await Promise.allSettled([
      createProfile(db, manager, { name: 'Berlin A', tags: ['Site-Berlin'], intervalHours: 6 }),
      createProfile(db, manager, { name: 'Berlin B', tags: ['Site-Berlin'], intervalHours: 6 }),
    ])
    const created = results.filter((result) => result.status === 'fulfilled')
    const refused = results.filter((result) => result.status === 'rejected')
    expect(created).toHaveLength(1)
    expect(refused).toHaveLength(1)
    const winner = (created[0] as PromiseFulfilledResult<{ name: string }>).value.name
    expect((refused[0] as PromiseRejectedResult).reason.message).toContain(`custom profile "${winner}"`)
    expect((await loadProfiles(db)).filter((profile) => profile.tags.includes('Site-Berlin'))).toHaveLength(1)
  })

  it('names are unique ignoring case', async () => {
    await createProfile(db, manager, { name: 'Servers', tags: ['Servers'], intervalHours: 6 })
    expect(await refusal(createProfile(db, manager, { name: 'SERVERS', tags: ['Site-Paris'], intervalHours: 6 }))).toMatchObject({ code: 'PROFILE_NAME_TAKEN', details: [{ path: 'name' }] })
    expect((await refusal(createProfile(db, manager, { name: 'default', tags: ['Site-Paris'], intervalHours: 6 }))).code).toBe('PROFILE_NAME_TAKEN')
  })

  it('an edit names the revision it started from: a stale one is refused naming who saved in between, and nothing changes', async () => {
    const profile = await createProfile(db, manager, { name: 'Servers', tags: ['Servers'], intervalHours: 6 })
    const saved = await updateProfile(db, manager, profile.id, { revision: 1, intervalHours: 8 })
    const error = await refusal(updateProfile(db, manager, profile.id, { revision: 1, intervalHours: 12 }))
    expect(error).toMatchObject({ kind: 'conflict', code: 'PROFILE_CHANGED', details: { revision: 2, expectedRevision: 1, updatedBy: 'manager@test.io' } })
    expect(error.message).toContain('manager@test.io saved this profile')
    expect((await loadProfiles(db)).find((candidate) => candidate.id === profile.id)).toMatchObject({ intervalHours: 8, revision: saved.revision })
  })
})

describe('interval minimums per tier', () => {
  it('trial and paid: 4 h or more; the error names the tier and the minimum', async () => {
    for (const tier of ['trial', 'paid'] as const) {
      await setTier(tier)
      const error = await refusal(createProfile(db, manager, { name: `${tier} 3 h`, tags: ['Servers'], intervalHours: 3 }))
      expect(error).toMatchObject({ kind: 'invalid', code: 'INTERVAL_TOO_SHORT', details: [{ path: 'intervalHours' }] })
      expect(error.message).toBe(`The ${tier === 'trial' ? 'Trial' : 'Paid'} subscription allows scan intervals of 4 h or more; 3 h is too short.`)
      const created = await createProfile(db, manager, { name: `${tier} 4 h`, tags: ['Servers'], intervalHours: 4 })
      await deleteProfile(db, manager, created.id)
    }
  })

  it('Free (also a lapsed trial): 24 h or more, on create, on edit (the default too) and on enable', async () => {
    const sixHours = await createProfile(db, manager, { name: 'Servers', tags: ['Servers'], intervalHours: 6, status: 'Disabled' })
    await setTier('free')
    const onCreate = await refusal(createProfile(db, manager, { name: 'Paris', tags: ['Site-Paris'], intervalHours: 23 }))
    expect(onCreate.message).toBe('The Free subscription allows scan intervals of 24 h or more; 23 h is too short.')
    expect((await refusal(updateProfile(db, manager, 'default', { revision: (await loadProfiles(db))[0].revision, intervalHours: 12 }))).code).toBe('INTERVAL_TOO_SHORT')
    expect((await refusal(setProfileStatus(db, manager, sixHours.id, 'Enabled'))).code).toBe('INTERVAL_TOO_SHORT')
    await createProfile(db, manager, { name: 'Paris', tags: ['Site-Paris'], intervalHours: 24 })
    await setTier('trial', new Date(Date.now() - DAY).toISOString())
    const lapsed = await refusal(createProfile(db, manager, { name: 'Berlin', tags: ['Site-Berlin'], intervalHours: 6 }))
    expect(lapsed.message).toBe('The trial subscription has expired, so Patchboard runs on Free, which allows scan intervals of 24 h or more; 6 h is too short.')
  })
})

describe('the effective profile of an asset', () => {
  it('is the enabled custom profile one of whose tags it carries; in two profiles the shortest interval wins, ties go to the oldest; else the default', async () => {
    const servers = await createProfile(db, manager, { name: 'Servers', tags: ['Servers'], intervalHours: 12 })
    const berlin = await createProfile(db, manager, { name: 'Berlin', tags: ['Site-Berlin'], intervalHours: 6 })
    const london = await createProfile(db, manager, { name: 'London', tags: ['Site-London'], intervalHours: 12 })
    const srvBerlin = await agentProfile(db, 'srv-berlin', [])
    expect(srvBerlin).toMatchObject({ profile: { id: berlin.id, name: 'Berlin', intervalHours: 6, schedule: 'Every 6 h' }, matchedTags: ['Site-Berlin'], overridden: [{ name: 'Servers', intervalHours: 12 }] })
    expect(srvBerlin.reason).toContain('the shortest interval wins')
    // Servers and London both 12 h: Servers is older.
    expect((await agentProfile(db, 'srv-london', [])).profile.name).toBe('Servers')
    expect(await agentProfile(db, 'wks-paris', [])).toMatchObject({ profile: { id: 'default', isDefault: true, intervalHours: 4 }, matchedTags: [] })
    expect((await agentProfile(db, 'wks-paris', [])).reason).toBe("No enabled custom profile covers the asset's tags, so the default profile applies.")
    // A disabled profile no longer applies: the asset falls to the next covering profile.
    await setProfileStatus(db, manager, berlin.id, 'Disabled')
    expect((await agentProfile(db, 'srv-berlin', [])).profile.name).toBe('Servers')
    expect((await agentProfile(db, 'wks-berlin', [])).profile.name).toBe('Default')
    const counts = new Map((await listProfileViews(db, manager)).map((view) => [view.name, view.assetCount]))
    expect(Object.fromEntries(counts)).toEqual({ Default: 2, Servers: 2, Berlin: 0, London: 0 })
    expect(london.id).not.toBe(servers.id)
  })

  it('an asset with no scan yet, or outside the activation key\'s tags, gets the default (nothing about other sites)', async () => {
    await createProfile(db, manager, { name: 'Servers', tags: ['Servers'], intervalHours: 6 })
    for (const answer of [await agentProfile(db, 'never-scanned', []), await agentProfile(db, 'srv-london', ['Site-Berlin'])]) {
      expect(answer.profile.isDefault).toBe(true)
      expect(answer.reason).toMatch(/no scan of this asset with this activation key's tags yet/)
    }
    expect((await agentProfile(db, 'srv-london', ['Site-London'])).profile.name).toBe('Servers')
  })

  it('QQL: profile names the effective profile; scanOverdue is a last scan older than its interval', async () => {
    await createProfile(db, manager, { name: 'Servers 6 h', tags: ['Servers'], intervalHours: 6 })
    expect(await assetIdsMatching('profile: "servers 6 h"')).toEqual(['srv-berlin', 'srv-london'])
    expect(await assetIdsMatching('profile: Default')).toEqual(['wks-berlin', 'wks-paris'])
    // srv-berlin scanned 10 h ago (6 h profile): overdue; srv-london 2 h ago: not; workstations on the 4 h default: overdue.
    expect(await assetIdsMatching('scanOverdue: true')).toEqual(['srv-berlin', 'wks-berlin', 'wks-paris'])
    expect(await assetIdsMatching('scanOverdue: false')).toEqual(['srv-london'])
    await updateProfile(db, manager, 'default', { revision: (await loadProfiles(db))[0].revision, intervalHours: 24 })
    expect(await assetIdsMatching('scanOverdue: true and profile: Default')).toEqual(['wks-paris'])
    await updateProfile(db, manager, 'default', { revision: (await loadProfiles(db))[0].revision, intervalHours: 4 })
  })
})

describe('exports', () => {
  it('an Assets CSV export offers the effective profile and scan overdue as columns', async () => {
    await createProfile(db, manager, { name: 'Servers 6 h', tags: ['Servers'], intervalHours: 6 })
    const sink = new PassThrough()
    const chunks: Buffer[] = []
    sink.on('data', (chunk: Buffer) => chunks.push(chunk))
    await runExport({ db, user: manager, entity: 'assets', format: 'csv', query: 'tags.name: Servers', columns: ['id', 'profile', 'scanOverdue'], sort: { key: 'name', dir: 'asc' } }, sink)
    sink.end()
    expect(Buffer.concat(chunks).toString('utf8').trim().split(/\r?\n/)).toEqual(['Asset id,Assessment profile,Scan overdue', '"srv-berlin","Servers 6 h",true', '"srv-london","Servers 6 h",false'])
  })
})

describe('audit', () => {
  it('every change is audited with who, what and the state before and after', async () => {
    const created = await createProfile(db, manager, { name: 'Audited', tags: ['Servers'], intervalHours: 6 })
    const edited = await updateProfile(db, manager, created.id, { revision: 1, intervalHours: 8 })
    await setProfileStatus(db, manager, created.id, 'Disabled')
    await deleteProfile(db, manager, created.id)
    const rows = await db.query<{ action: string; actor_email: string; before: string; after: string }>(
      "SELECT action, actor_email, before, after FROM audit_log WHERE entity = 'profile' AND entity_id = {id:String} ORDER BY at, action",
      { id: created.id },
    )
    expect(rows.map((row) => row.action)).toEqual(['profile.create', 'profile.update', 'profile.disable', 'profile.delete'])
    expect(rows.every((row) => row.actor_email === 'manager@test.io')).toBe(true)
    expect(rows[0].before).toBe('')
    expect(JSON.parse(rows[1].before)).toMatchObject({ intervalHours: 6, revision: 1 })
    expect(JSON.parse(rows[1].after)).toMatchObject({ intervalHours: 8, revision: edited.revision })
    expect(JSON.parse(rows[2].after)).toMatchObject({ status: 'Disabled' })
    expect(JSON.parse(rows[3].before)).toMatchObject({ name: 'Audited' })
    expect(rows[3].after).toBe('')
  })
})

describe('applyFreeTierToProfiles', () => {
  it('a 6 h profile (and the 4 h default) become 24 h with the note, audited as system; after renewal they stay 24 h until edited', async () => {
    const six = await createProfile(db, manager, { name: 'Servers', tags: ['Servers'], intervalHours: 6 })
    const slow = await createProfile(db, manager, { name: 'Paris', tags: ['Site-Paris'], intervalHours: 48 })
    await setTier('trial', new Date(Date.now() - DAY).toISOString())
    const reason = 'The subscription fell back to Free on 2026-12-02 (the trial ended on 2026-12-01)'
    expect(await applyFreeTierToProfiles(db, reason)).toBe(2)
    const views = new Map((await listProfileViews(db, manager)).map((view) => [view.id, view]))
    expect(views.get(six.id)).toMatchObject({ intervalHours: 24, schedule: 'Every 24 h', lowered: { fromHours: 6, note: reason } })
    expect(views.get('default')).toMatchObject({ intervalHours: 24, lowered: { fromHours: 4, note: reason } })
    expect(views.get(slow.id)).toMatchObject({ intervalHours: 48, lowered: null })
    const audits = await db.query<{ actor_email: string; before: string; after: string }>(
      "SELECT actor_email, before, after FROM audit_log WHERE action = 'profile.freeTierFallback' AND entity_id = {id:String}",
      { id: six.id },
    )
    expect(audits).toHaveLength(1)
    expect(audits[0].actor_email).toBe('system')
    expect(JSON.parse(audits[0].before)).toMatchObject({ intervalHours: 6 })
    expect(JSON.parse(audits[0].after)).toMatchObject({ intervalHours: 24, loweredFromHours: 6, loweredNote: reason })

    await setTier('paid')
    const renewed = (await loadProfiles(db)).find((profile) => profile.id === six.id)!
    expect(renewed).toMatchObject({ intervalHours: 24, loweredFromHours: 6 })
    const edited = await updateProfile(db, manager, six.id, { revision: renewed.revision, intervalHours: 6 })
    expect(edited).toMatchObject({ intervalHours: 6, loweredFromHours: 0, loweredNote: '' })
    expect(await applyFreeTierToProfiles(db, reason)).toBe(1) // applying it again lowers only what is under 24 h now
    const defaultProfile = (await loadProfiles(db))[0]
    await updateProfile(db, manager, 'default', { revision: defaultProfile.revision, intervalHours: 4 })
  })
})
