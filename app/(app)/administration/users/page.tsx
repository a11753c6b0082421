// Administration → Users: every user with role, tag scope and status; the editing happens through /api/v1/admin/users.
import { getDatabase } from '@/clickhouse/client'
import { UserAdmin } from '@/components/UserAdmin'
import { requirePageUser } from '@/lib/auth/page'
import { listAssetTags } from '@/lib/repositories/assets'
import { listUserViews } from '@/lib/services/user-admin'

export const dynamic = 'force-dynamic'

export default async function UsersPage() {
  const user = await requirePageUser('users.manage')
  const db = await getDatabase()
  const [users, knownTags] = await Promise.all([listUserViews(db), listAssetTags(db, user.scope)])
  return (
    <>
      <h1>Users</h1>
      <p className="subtitle">
        Roles decide what a user may do; the tag scope decides which assets they see. A new user sees no asset until you give them tags (Administrators see all).
      </p>
      <UserAdmin users={users} knownTags={knownTags} currentUserId={user.id} />
    </>
  )
}
