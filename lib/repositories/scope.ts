// Row-level tag scope: the SQL condition (on assets aliased `a`) that limits a user to the assets in their scope.
import type { SessionUser } from '@/lib/auth/user'
import { assetScopeCondition } from '@/lib/qql'
import type { SqlFilter } from './paging'

/** The QQL compiler's scope condition (one definition), as a filter that is `1` for users who see everything. */
export function assetScopeFilter(user: Pick<SessionUser, 'scope'>): SqlFilter {
  return assetScopeCondition(user.scope) ?? { where: '1', params: {} }
}
