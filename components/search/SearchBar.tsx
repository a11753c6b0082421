// A list's search area: the QQL box (with its reading, errors and rebuild offer), search actions and quick filters.
import type { RecentSearch } from '@/components/qql-editor/QqlEditor'
import type { QuickFilter } from '@/lib/services/quick-filters'
import { QqlSearchBox } from './QqlSearchBox'
import { QuickFilters } from './QuickFilters'
import { SearchActions } from './SearchActions'

interface Props {
  entity: 'assets' | 'patches' | 'findings' | 'jobs'
  basePath: string
  query: string
  /** The token version of `query` (the URL's `v`). */
  version: number
  recent: readonly RecentSearch[]
  quickFilters: readonly QuickFilter[]
  placeholder: string
}

export function SearchBar({ entity, basePath, query, version, recent, quickFilters, placeholder }: Props) {
  return (
    <section className="search-bar" aria-label="Search">
      {/* Keyed by the URL's query, so navigating (a chip, a saved search) starts the box afresh. */}
      <QqlSearchBox
        key={`${version}:${query}`}
        entity={entity}
        basePath={basePath}
        initialQuery={query}
        initialVersion={version}
        recent={recent}
        placeholder={placeholder}
        suggestUrl="/api/v1/qql/suggest"
      />
      <div className="search-tools">
        <QuickFilters entity={entity} basePath={basePath} query={query} version={version} filters={quickFilters} />
        <SearchActions entity={entity} basePath={basePath} currentQuery={query} currentVersion={version} />
      </div>
    </section>
  )
}
