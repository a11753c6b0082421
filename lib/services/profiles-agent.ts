// What an agent is told by GET /api/v1/agent/profile: the assessment profile that applies to its asset, and why.
import type { Database } from '@/clickhouse/client'
import { findAssetProfile, type ProfileRecord } from '@/lib/repositories/profiles'
import { describeInterval, type AgentProfileView } from '@/lib/schemas/profiles'
import { loadProfiles } from './profiles'

const sharedTags = (profile: ProfileRecord, tags: readonly string[]) => profile.tags.filter((tag) => tags.includes(tag))
const quoted = (tags: string[]) => tags.map((tag) => `"${tag}"`).join(', ')

/**
 * The effective profile of `assetId` as the SQL rule picks it (lib/qql/profiles.ts: enabled custom profiles covering
 * one of the asset's tags, shortest interval, then oldest; else the default), with the tags that matched and the
 * covering profiles that lost. An asset without a scan yet — or one outside the key's tags, which answers the same, so
 * a key learns nothing of other sites' assets — has no known tags: the default applies until it reports.
 */
export async function agentProfile(db: Database, assetId: string, keyTags: readonly string[]): Promise<AgentProfileView> {
  const [profiles, asset] = await Promise.all([loadProfiles(db), findAssetProfile(db, assetId, keyTags)])
  const fallback = profiles.find((profile) => profile.isDefault)!
  const chosen = profiles.find((profile) => profile.id === asset?.profileId) ?? fallback
  const tags = asset?.tags ?? []
  const matchedTags = chosen.isDefault ? [] : sharedTags(chosen, tags)
  const overridden = profiles
    .filter((profile) => profile !== chosen && !profile.isDefault && profile.status === 'Enabled' && sharedTags(profile, tags).length > 0)
    .map((profile) => ({ id: profile.id, name: profile.name, intervalHours: profile.intervalHours }))
  let reason: string
  if (asset === null) reason = "Patchboard has no scan of this asset with this activation key's tags yet, so the default profile applies until a scan reports its tags."
  else if (chosen.isDefault) reason = "No enabled custom profile covers the asset's tags, so the default profile applies."
  else {
    reason = `The asset carries ${matchedTags.length === 1 ? 'tag' : 'tags'} ${quoted(matchedTags)} of the custom profile "${chosen.name}".`
    if (overridden.length > 0) reason += ` Other profiles cover it too (${overridden.map((other) => `"${other.name}", ${other.intervalHours} h`).join('; ')}): the shortest interval wins, then the oldest profile.`
  }
  return {
    assetId,
    profile: { id: chosen.id, name: chosen.name, isDefault: chosen.isDefault, intervalHours: chosen.intervalHours, schedule: describeInterval(chosen.intervalHours) },
    reason,
    matchedTags,
    overridden,
  }
}
