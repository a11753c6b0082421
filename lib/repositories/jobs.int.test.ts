// Job repository against the real engine: a job reads back as written, the scheduler's selection and bookkeeping, and
// which assets a job includes (targets, Any/All, exclusions, the owner's scope and every scope constraint).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { openTestDatabase } from '@/test/database'
import { previewJobTargets, resolveJobAssets } from './job-targets'
import { countJobAssets } from './jobs-list'
import { createUser } from './users'
import { DEFAULT_OPTIONS, EMPTY_TARGETS, listSchedulableJobs, loadJob, missingParts, recordJobRun, writeJob, type StoredJob } from './jobs'

let db: Database
let close: () => Promise<void>

const NOW = '2026-12-01T10:00:00.000Z'
function job(id: string, changes: Partial<StoredJob> = {}): StoredJob {
  return {
    id, name: `Job ${id}`, description: '', type: 'Install', status: 'Disabled', isAdvisory: false, ownerId: 'u-owner', ownerEmail: 'owner@example.com',
    coAuthorIds: [], coAuthorEmails: [], targets: { ...EMPTY_TARGETS, tags: ['Site-Berlin'] }, patches: { mode: 'list', patchIds: ['p1'] },
    schedule: { schedule: { type: 'Weekly', time: '22:00', days: ['Tue', 'Thu'], startDate: null }, timeZone: 'Europe/Berlin', patchWindowHours: 4, downloadRandomizationMinutes: 30, opportunisticDownload: true },
    options: DEFAULT_OPTIONS, disabledReason: '', scopeConstraints: [], createdAt: NOW, updatedAt: NOW, lastRunAt: null, nextRunAt: null, firstEnabledAt: null,
    createdById: 'u-owner', createdByEmail: 'owner@example.com', updatedById: 'u-owner', updatedByEmail: 'owner@example.com', assignedByEmail: '', assignedAt: null,
    revision: 1, version: 0, ...changes,
  }
}

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  await db.insert('assets', [
    { asset_id: 'a-ber-1', name: 'BER-1', tags: ['Site-Berlin', 'Workstations'], version: 1 },
    { asset_id: 'a-ber-2', name: 'BER-2', tags: ['Site-Berlin', 'Servers'], version: 1 },
    { asset_id: 'a-ber-vip', name: 'BER-VIP', tags: ['Site-Berlin', 'Workstations', 'VIP'], version: 1 },
    { asset_id: 'a-aus-1', name: 'AUS-1', tags: ['Site-Austin', 'Workstations'], version: 1 },
    { asset_id: 'a-none', name: 'NONE', tags: [], version: 1 },
  ])
})
afterAll(async () => close())

describe('stored jobs', () => {
  it('reads a job back as written: schedule step, patches, targets, options, dates in ISO', async () => {
    const written = await writeJob(db, job('j-round', { options: { reboot: { mode: 'defer', deferCount: 3, intervalMinutes: 60, countdownMinutes: 5 }, messages: { before: 'Save your work', during: '', after: 'Done' } }, scopeConstraints: [{ all: false, tags: ['Site-Berlin'] }] }))
    const read = await loadJob(db, 'j-round')
    expect(read).toEqual(written)
    expect(read?.schedule?.downloadRandomizationMinutes).toBe(30)
    expect(read?.createdAt).toBe(NOW)
  })

  it('a dynamic patch query and a missing schedule read back; the job is partially configured', async () => {
    await writeJob(db, job('j-dyn', { patches: { mode: 'dynamic', query: 'vendorSeverity: Critical', version: 2 }, schedule: null, targets: EMPTY_TARGETS }))
    const read = await loadJob(db, 'j-dyn')
    expect(read?.patches).toEqual({ mode: 'dynamic', query: 'vendorSeverity: Critical', version: 2 })
    expect(read && missingParts(read)).toEqual(['targets', 'schedule'])
  })

  it('the scheduler sees only Enabled, fully configured jobs, not advisories', async () => {
    await writeJob(db, job('j-enabled', { status: 'Enabled' }))
    await writeJob(db, job('j-enabled-partial', { status: 'Enabled', patches: null }))
    await writeJob(db, job('j-enabled-advisory', { status: 'Enabled', isAdvisory: true }))
    expect((await listSchedulableJobs(db)).map((stored) => stored.id)).toEqual(['j-enabled'])
  })

  it('recordJobRun writes last/next run and completes a run-once job without a new revision', async () => {
    await writeJob(db, job('j-once', { status: 'Enabled', schedule: { schedule: { type: 'Once', date: '2026-12-24', time: '22:00' }, timeZone: '', patchWindowHours: 24, downloadRandomizationMinutes: 0, opportunisticDownload: false } }))
    await recordJobRun(db, 'j-once', { lastRunAt: new Date('2026-12-24T22:00:00Z'), nextRunAt: null, completed: true })
    const read = await loadJob(db, 'j-once')
    expect(read).toMatchObject({ status: 'Completed', lastRunAt: '2026-12-24T22:00:00.000Z', nextRunAt: null, revision: 1 })
    await recordJobRun(db, 'j-enabled', { lastRunAt: new Date('2026-12-01T21:00:00Z'), nextRunAt: new Date('2026-12-03T21:00:00Z'), completed: false })
    expect(await loadJob(db, 'j-enabled')).toMatchObject({ status: 'Enabled', nextRunAt: '2026-12-03T21:00:00.000Z' })
  })
})

describe('the assets a job includes', () => {
  const all = { all: true, tags: [] }
  it('tags Any, plus listed assets, minus exclusion tags', async () => {
    const targets = { ...EMPTY_TARGETS, assetIds: ['a-aus-1'], tags: ['Site-Berlin'], exclusionTags: ['VIP'] }
    expect(await resolveJobAssets(db, { targets, scopeConstraints: [] }, all)).toEqual(['a-aus-1', 'a-ber-1', 'a-ber-2'])
  })

  it('tags All and exclusion All', async () => {
    const targets = { ...EMPTY_TARGETS, tags: ['Site-Berlin', 'Workstations'], tagMatch: 'All' as const, exclusionTags: ['VIP', 'Servers'], exclusionMatch: 'All' as const }
    expect(await resolveJobAssets(db, { targets, scopeConstraints: [] }, all)).toEqual(['a-ber-1', 'a-ber-vip'])
  })

  it("only assets in the owner's scope, even when listed one by one", async () => {
    const targets = { ...EMPTY_TARGETS, assetIds: ['a-aus-1', 'a-ber-1', 'a-none'] }
    expect(await resolveJobAssets(db, { targets, scopeConstraints: [] }, { all: false, tags: ['Site-Berlin'] })).toEqual(['a-ber-1'])
    expect(await resolveJobAssets(db, { targets, scopeConstraints: [] }, { all: false, tags: [] })).toEqual([])
  })

  it("after a change of owner: only assets in both the old and the new owner's scope", async () => {
    const targets = { ...EMPTY_TARGETS, tags: ['Workstations'] }
    const oldOwner = { all: false, tags: ['Site-Berlin'] }
    const newOwner = { all: false, tags: ['Workstations'] }
    expect(await resolveJobAssets(db, { targets, scopeConstraints: [] }, newOwner)).toEqual(['a-aus-1', 'a-ber-1', 'a-ber-vip'])
    expect(await resolveJobAssets(db, { targets, scopeConstraints: [oldOwner] }, newOwner)).toEqual(['a-ber-1', 'a-ber-vip'])
  })

  it('previews the count, a sample and the tagged assets (matched in scope vs included)', async () => {
    const targets = { ...EMPTY_TARGETS, assetIds: ['a-aus-1'], tags: ['Site-Berlin'], exclusionTags: ['VIP'] }
    const preview = await previewJobTargets(db, targets, [all], 2)
    expect(preview.count).toBe(3)
    expect(preview.assets.map((asset) => asset.name)).toEqual(['AUS-1', 'BER-1'])
    expect(preview.taggedAssets).toEqual({ matched: 3, included: 2 })
    expect(await previewJobTargets(db, { ...EMPTY_TARGETS, tags: ['Nowhere'] }, [all])).toEqual({ count: 0, assets: [], taggedAssets: { matched: 0, included: 0 } })
  })
})

describe('the counts of a page of jobs', () => {
  it('equal what resolveJobAssets answers job by job (Any/All, listed, exclusions, owner scope, constraints), in one query', async () => {
    const owner = await createUser(db, { email: 'berlin-owner@example.com', name: 'Owner', role: 'Patch User', scope: { all: false, tags: ['Site-Berlin', 'Site-Austin'] }, passwordHash: '' })
    const variants: Partial<StoredJob>[] = [
      { targets: { ...EMPTY_TARGETS, tags: ['Workstations'] } },
      { targets: { ...EMPTY_TARGETS, tags: ['Site-Berlin', 'Workstations'], tagMatch: 'All', exclusionTags: ['VIP'] } },
      { targets: { ...EMPTY_TARGETS, assetIds: ['a-aus-1', 'a-none', 'no-such-asset'], tags: ['Servers'] } },
      { targets: { ...EMPTY_TARGETS, tags: ['Workstations'], exclusionTags: ['Site-Berlin', 'VIP'], exclusionMatch: 'All' }, scopeConstraints: [{ all: false, tags: ['Workstations'] }] },
      { targets: { ...EMPTY_TARGETS, tags: ['Workstations'] }, scopeConstraints: [{ all: false, tags: ['Site-Austin'] }] },
    ]
    const jobs = await Promise.all(variants.map((changes, index) => writeJob(db, job(`j-count-${index}`, { ...changes, ownerId: owner.id }))))
    const counts = await countJobAssets(db, [...jobs.map((stored) => stored.id), 'j-no-owner'])
    for (const stored of jobs) {
      const expected = await resolveJobAssets(db, stored, owner.scope)
      expect(counts.get(stored.id)?.assetCount ?? 0, stored.id).toBe(expected.length)
    }
    expect(jobs.map((stored) => counts.get(stored.id)?.assetCount ?? 0)).toEqual([3, 1, 2, 2, 1])
    expect(counts.get(jobs[1].id)?.taggedAssets).toEqual({ matched: 2, included: 1 })
  })
})
