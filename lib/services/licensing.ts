// Licences: which assets hold one (for job runs and the Assets list), the consumption counter, and changing the settings (audited).
import type { Database } from '@/clickhouse/client'
import type { SessionUser } from '@/lib/auth/user'
import type { LicenseStatus } from '@/lib/qql/licensing'
import { appendAudit } from '@/lib/repositories/audit'
import { allocationOf, licenseCounts, licensesEnforced, readLicenseSettings, writeLicenseSettings, type LicenseSettingsRecord } from '@/lib/repositories/licenses'
import type { LicenseOverview, UpdateLicenseSettingsInput } from '@/lib/schemas/licenses'
import { getSubscription } from './subscription'

export type { LicenseStatus } from '@/lib/qql/licensing'

/**
 * Each asset's licence: `licensed`, `unlicensed` (no include tag, or beyond the count by activation time) or
 * `excluded` (an exclude tag). Without an active paid subscription (or before the settings are saved) every asset is
 * licensed. An id not in the inventory holds no licence when licences are enforced.
 */
export async function licenseStatuses(db: Database, assetIds: string[]): Promise<Map<string, LicenseStatus>> {
  const allocation = await allocationOf(db, assetIds)
  if (allocation.size === new Set(assetIds).size) return allocation
  const fallback: LicenseStatus = (await licensesEnforced(db)) ? 'unlicensed' : 'licensed'
  return new Map(assetIds.map((id) => [id, allocation.get(id) ?? fallback]))
}

export async function getLicenseOverview(db: Database): Promise<LicenseOverview> {
  const [settings, counts, subscription, enforced] = await Promise.all([readLicenseSettings(db), licenseCounts(db), getSubscription(db), licensesEnforced(db)])
  const licenseCount = settings?.licenseCount ?? 0
  return {
    configured: settings !== null,
    enforced,
    effectiveTier: subscription.effectiveTier,
    licenseCount,
    includeTags: settings?.includeTags ?? [],
    excludeTags: settings?.excludeTags ?? [],
    consumed: counts.eligible,
    percent: licenseCount > 0 ? Math.round((counts.eligible * 100) / licenseCount) : null,
    overBy: Math.max(0, counts.eligible - licenseCount),
    excluded: counts.excluded,
    notIncluded: counts.notIncluded,
    totalAssets: counts.totalAssets,
    updatedAt: settings?.updatedAt ?? null,
    updatedBy: settings?.updatedBy ?? '',
  }
}

function auditState(settings: LicenseSettingsRecord | null) {
  return settings ? { licenseCount: settings.licenseCount, includeTags: settings.includeTags, excludeTags: settings.excludeTags } : null
}

/** A Manager or Administrator saves the count and the include / exclude tags; audited with before and after. */
export async function updateLicenseSettings(db: Database, actor: SessionUser, input: UpdateLicenseSettingsInput, now = new Date()): Promise<LicenseOverview> {
  const before = await readLicenseSettings(db)
  const after = await writeLicenseSettings(db, { licenseCount: input.licenseCount, includeTags: input.includeTags, excludeTags: input.excludeTags, updatedBy: actor.email }, now)
  await appendAudit(db, { actor, action: 'licenses.update', entity: 'licenses', entityId: 'current', before: auditState(before), after: auditState(after) }, now)
  return getLicenseOverview(db)
}
