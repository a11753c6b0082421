// Test fixtures for job runs: a small estate (assets, patches, findings), job owners, and a job as stored.
import type { Database } from '@/clickhouse/client'
import type { Role, TagScope } from '@/lib/auth/user'
import { DEFAULT_OPTIONS, EMPTY_TARGETS, type StoredJob } from '@/lib/repositories/jobs'
import { createUser, type UserRecord } from '@/lib/repositories/users'

export const FIXTURE_NOW = '2026-12-01T10:00:00.000Z'

/** Berlin (2 workstations, 1 server), Austin (1), one untagged; patches p-new (newest) … p-old, p-super superseded. */
export async function seedEstate(db: Database): Promise<void> {
  await db.insert('assets', [
    { asset_id: 'a-ber-1', name: 'BER-1', tags: ['Site-Berlin', 'Workstations'], activated_at: '2026-01-01T00:00:00Z', version: 1 },
    { asset_id: 'a-ber-2', name: 'BER-2', tags: ['Site-Berlin', 'Workstations'], activated_at: '2026-01-02T00:00:00Z', version: 1 },
    { asset_id: 'a-ber-srv', name: 'BER-SRV', tags: ['Site-Berlin', 'Servers'], activated_at: '2026-01-03T00:00:00Z', version: 1 },
    { asset_id: 'a-aus-1', name: 'AUS-1', tags: ['Site-Austin', 'Workstations'], activated_at: '2026-01-04T00:00:00Z', version: 1 },
    { asset_id: 'a-none', name: 'NONE', tags: [], activated_at: '2026-01-05T00:00:00Z', version: 1 },
  ])
  await db.insert('patches', [
    { patch_id: 'p-new', title: 'Chrome 131', vendor_severity: 'Critical', is_superseded: false, published_at: '2026-11-20T00:00:00Z', version: 1 },
    { patch_id: 'p-mid', title: 'Firefox 133', vendor_severity: 'Critical', is_superseded: false, published_at: '2026-10-01T00:00:00Z', version: 1 },
    { patch_id: 'p-old', title: 'Zoom 6.2', vendor_severity: 'Critical', is_superseded: false, published_at: '2026-01-01T00:00:00Z', version: 1 },
    { patch_id: 'p-super', title: 'Chrome 129', vendor_severity: 'Critical', is_superseded: true, published_at: '2026-09-01T00:00:00Z', version: 1 },
    { patch_id: 'p-low', title: 'Notepad++ 8.7', vendor_severity: 'Low', is_superseded: false, published_at: '2026-11-25T00:00:00Z', version: 1 },
    { patch_id: 'p-installed', title: '7-Zip 24.08', vendor_severity: 'Critical', is_superseded: false, published_at: '2026-11-28T00:00:00Z', version: 1 },
  ])
  const finding = (asset: string, patch: string, status: 'Missing' | 'Installed') => ({ asset_id: asset, patch_id: patch, status, first_seen_at: FIXTURE_NOW, changed_at: FIXTURE_NOW, version: 1, is_deleted: 0 })
  await db.insert('findings', [
    finding('a-ber-1', 'p-new', 'Missing'),
    finding('a-ber-1', 'p-super', 'Missing'),
    finding('a-ber-1', 'p-low', 'Missing'),
    finding('a-ber-1', 'p-installed', 'Installed'),
    finding('a-ber-2', 'p-old', 'Missing'),
    // Missing only outside Berlin: a Berlin-only run does not take it.
    finding('a-aus-1', 'p-mid', 'Missing'),
  ])
}

export async function seedUser(db: Database, email: string, role: Role, scope: TagScope, timeZone = 'UTC'): Promise<UserRecord> {
  return createUser(db, { email, name: email.split('@')[0], role, scope, passwordHash: 'x', timeZone })
}

/** A fully configured, Enabled weekly install job of `owner` on the Berlin workstations with two patches. */
export function storedJob(id: string, owner: Pick<UserRecord, 'id' | 'email'>, changes: Partial<StoredJob> = {}): StoredJob {
  return {
    id, name: `Job ${id}`, description: '', type: 'Install', status: 'Enabled', isAdvisory: false, ownerId: owner.id, ownerEmail: owner.email,
    coAuthorIds: [], coAuthorEmails: [], targets: { ...EMPTY_TARGETS, tags: ['Workstations'] }, patches: { mode: 'list', patchIds: ['p-new', 'p-old'] },
    schedule: { schedule: { type: 'Weekly', time: '22:00', days: ['Tue', 'Thu'], startDate: null }, timeZone: 'Europe/Berlin', patchWindowHours: 4, downloadRandomizationMinutes: 30, opportunisticDownload: true },
    options: DEFAULT_OPTIONS, disabledReason: '', scopeConstraints: [], createdAt: FIXTURE_NOW, updatedAt: FIXTURE_NOW, lastRunAt: null, nextRunAt: null,
    firstEnabledAt: FIXTURE_NOW, createdById: owner.id, createdByEmail: owner.email, updatedById: owner.id, updatedByEmail: owner.email,
    assignedByEmail: '', assignedAt: null, revision: 1, version: 0, ...changes,
  }
}

