// Row-level tag scope: the SQL condition (on assets aliased `a`) that limits a reader to the assets in their scope.
import { assetScopeCondition, type QqlScope } from '@/lib/qql'
import type { SqlFilter } from './paging'

/** The QQL compiler's scope condition (one definition), as a filter that is `1` for a scope that sees everything. */
export function assetScopeFilter(scope: QqlScope): SqlFilter {
  return assetScopeCondition(scope) ?? { where: '1', params: {} }
}

/**
 * `filter` limited to the assets of `scope`. Every repository function over tag-scoped rows takes the reader's scope
 * as a required argument and applies it here itself, whatever the filter already says (a QQL filter carries the scope
 * too): no caller can forget it, and the scope's parameters come last, so a filter compiled for someone else cannot
 * widen it.
 */
export function withinScope(scope: QqlScope, filter: SqlFilter): SqlFilter {
  const condition = assetScopeFilter(scope)
  if (condition.where === '1') return filter
  return { where: `(${condition.where}) AND (${filter.where})`, params: { ...filter.params, ...condition.params } }
}
