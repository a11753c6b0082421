// Row-level tag scope: the SQL condition (on assets aliased `a`) that limits a user to the assets in their scope.
import type { SessionUser } from '@/lib/auth/user'
import type { SqlFilter } from './paging'

export function assetScopeFilter(user: Pick<SessionUser, 'scope'>): SqlFilter {
  if (user.scope.all) return { where: '1', params: {} }
  if (user.scope.tags.length === 0) return { where: '0', params: {} }
  return { where: 'hasAny(a.tags, {scopeTags:Array(String)})', params: { scopeTags: user.scope.tags } }
}
