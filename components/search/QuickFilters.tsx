// Quick filters: one click adds a ready-made clause to the list's query, or removes exactly it when the chip is lit.
// Lit means the query's top level requires the clause (`NOT osFamily: Windows` does not light "Windows").
import Link from 'next/link'
import { checkQuery, CURRENT_TOKEN_VERSION, toggleClause, type Entity } from '@/lib/qql/browser'
import type { QuickFilter } from '@/lib/services/quick-filters'
import { searchHref } from './search-href'

interface Props {
  entity: Entity
  basePath: string
  query: string
  version: number
  filters: readonly QuickFilter[]
}

export function QuickFilters({ entity, basePath, query, version, filters }: Props) {
  // The filters are current-version clauses: an older query is toggled in its rebuilt form (when it has one).
  const rebuilt = version < CURRENT_TOKEN_VERSION ? checkQuery(query, entity, version).migrated : query
  const current = rebuilt ?? query
  const toggledVersion = rebuilt === null ? version : CURRENT_TOKEN_VERSION
  return (
    <div className="quick-filters" role="group" aria-label="Quick filters">
      {filters.map((filter) => {
        const { on, toggled } = toggleClause(current, filter.clause, entity)
        return (
          // A link, not a toggle button (it navigates): its name says whether the filter is on.
          <Link key={filter.label} className={on ? 'chip on' : 'chip'} aria-label={on ? `${filter.label} (on)` : filter.label} href={searchHref(basePath, toggled, toggledVersion)}>
            {filter.label}
          </Link>
        )
      })}
    </div>
  )
}
