// Test fixtures for the job APIs: a small estate (Berlin and Austin assets, two missing patches) and job bodies as the wizard sends them.
import type { Database } from '@/clickhouse/client'
import type { JobInputDraft } from '@/lib/schemas/jobs'

export async function seedJobEstate(db: Database): Promise<void> {
  await db.insert('assets', [
    { asset_id: 'a-ber-1', name: 'WKS-BER-1', tags: ['Site-Berlin', 'Workstations'], version: 1 },
    { asset_id: 'a-ber-2', name: 'SRV-BER-2', tags: ['Site-Berlin', 'Servers'], version: 1 },
    { asset_id: 'a-aus-1', name: 'WKS-AUS-1', tags: ['Site-Austin', 'Workstations'], version: 1 },
  ])
  await db.insert('patches', [
    { patch_id: 'p-chrome', title: 'Google Chrome 130', vendor_severity: 'Critical', published_at: '2026-11-01 00:00:00', version: 1 },
    { patch_id: 'p-7zip', title: '7-Zip 24.08', vendor_severity: 'Important', published_at: '2026-10-01 00:00:00', version: 1 },
    { patch_id: 'p-old', title: 'Old superseded patch', vendor_severity: 'Critical', is_superseded: true, published_at: '2026-12-01 00:00:00', version: 1 },
  ])
  await db.insert('findings', [
    { asset_id: 'a-ber-1', patch_id: 'p-chrome', status: 'Missing', version: 1, is_deleted: 0 },
    { asset_id: 'a-aus-1', patch_id: 'p-chrome', status: 'Missing', version: 1, is_deleted: 0 },
    { asset_id: 'a-ber-2', patch_id: 'p-7zip', status: 'Missing', version: 1, is_deleted: 0 },
    { asset_id: 'a-ber-1', patch_id: 'p-old', status: 'Missing', version: 1, is_deleted: 0 },
  ])
}

/** A fully configured weekly install job on the Workstations tag, with two patches. */
export function weeklyJob(name: string, changes: Partial<JobInputDraft> = {}): JobInputDraft {
  return {
    basics: { name, type: 'Install' },
    targets: { tags: ['Workstations'] },
    patches: { mode: 'list', patchIds: ['p-chrome', 'p-7zip'] },
    schedule: { schedule: { type: 'Weekly', time: '22:00', days: ['Tue', 'Thu'] }, timeZone: 'Europe/Berlin' },
    ...changes,
  }
}

/** The same job with another schedule (On-demand, Once in the future…). */
export const withSchedule = (name: string, schedule: NonNullable<JobInputDraft['schedule']>['schedule']) => weeklyJob(name, { schedule: { schedule, timeZone: 'UTC' } })
