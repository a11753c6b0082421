// Configuration → Profiles: the default and custom assessment profiles (how often agents scan), with the actions the viewer's role allows.
import { getDatabase } from '@/clickhouse/client'
import { ProfileAdmin } from '@/components/configuration/profiles/ProfileAdmin'
import { requirePageUser } from '@/lib/auth/page'
import { can } from '@/lib/auth/policy'
import { listAssetTags } from '@/lib/repositories/assets'
import { listProfileViews } from '@/lib/services/profiles-view'
import { getSubscription } from '@/lib/services/subscription'

export const dynamic = 'force-dynamic'

export default async function ProfilesPage() {
  const user = await requirePageUser('profiles.view')
  const db = await getDatabase()
  const canManage = can(user, 'profiles.manage')
  const [profiles, subscription, knownTags] = await Promise.all([listProfileViews(db, user), getSubscription(db), canManage ? listAssetTags(db, user.scope) : []])
  return (
    <>
      <h1>Assessment profiles</h1>
      <p className="subtitle">
        How often agents scan. A custom profile covers the assets that carry one of its tags (a tag belongs to one custom profile); an asset covered by
        several gets the shortest interval, then the oldest profile. Every other asset follows the default profile.
      </p>
      <ProfileAdmin profiles={profiles} canManage={canManage} minIntervalHours={subscription.minScanIntervalHours} knownTags={knownTags} timeZone={user.timeZone} userId={user.id} />
    </>
  )
}
