// Assessment profiles as the list page and the API show them: the viewer's actions, the schedule in words, assets covered in scope.
import type { Database } from '@/clickhouse/client'
import { can } from '@/lib/auth/policy'
import type { SessionUser } from '@/lib/auth/user'
import { notFound } from '@/lib/errors'
import { countAssetsByProfile, type ProfileRecord } from '@/lib/repositories/profiles'
import { describeInterval, type ProfileAction, type ProfileView } from '@/lib/schemas/profiles'
import { loadProfiles } from './profiles'

/** What the viewer may do to the profile now: nothing without profiles.manage; only edit the default; never a no-op. */
function actionsFor(user: SessionUser, profile: ProfileRecord): ProfileAction[] {
  if (!can(user, 'profiles.manage')) return []
  if (profile.isDefault) return ['edit']
  return ['edit', profile.status === 'Enabled' ? 'disable' : 'enable', 'delete']
}

export function toProfileView(user: SessionUser, profile: ProfileRecord, assetCount: number): ProfileView {
  return {
    id: profile.id,
    name: profile.name,
    isDefault: profile.isDefault,
    tags: profile.tags,
    intervalHours: profile.intervalHours,
    schedule: describeInterval(profile.intervalHours),
    status: profile.status,
    lowered: profile.loweredFromHours > 0 ? { fromHours: profile.loweredFromHours, note: profile.loweredNote } : null,
    createdAt: profile.createdAt,
    createdBy: profile.createdByEmail,
    updatedAt: profile.updatedAt,
    updatedBy: profile.updatedByEmail,
    revision: profile.revision,
    assetCount,
    actions: actionsFor(user, profile),
  }
}

/** Every profile (the default first), each with the number of assets in the viewer's scope it applies to. */
export async function listProfileViews(db: Database, user: SessionUser): Promise<ProfileView[]> {
  const [profiles, counts] = await Promise.all([loadProfiles(db), countAssetsByProfile(db, user.scope)])
  return profiles.map((profile) => toProfileView(user, profile, counts.get(profile.id) ?? 0))
}

export async function getProfileView(db: Database, user: SessionUser, id: string): Promise<ProfileView> {
  const view = (await listProfileViews(db, user)).find((profile) => profile.id === id)
  if (!view) throw notFound('No such assessment profile: it may have been deleted.', { id })
  return view
}

/** A profile just written, as the API answers it (its asset count read again, in the viewer's scope). */
export async function profileViewAfterWrite(db: Database, user: SessionUser, profile: ProfileRecord): Promise<ProfileView> {
  const counts = await countAssetsByProfile(db, user.scope)
  return toProfileView(user, profile, counts.get(profile.id) ?? 0)
}
