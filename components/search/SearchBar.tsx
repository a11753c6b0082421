// A list's search area: the QQL box, search actions, quick filters, and the query read back in plain English.
import type { QuickFilter } from '@/lib/services/quick-filters'
import type { SearchResult } from '@/lib/services/search'
import { QqlSearchBox } from './QqlSearchBox'
import { QuickFilters } from './QuickFilters'
import { SearchActions } from './SearchActions'

interface Props {
  entity: 'assets' | 'patches' | 'findings'
  basePath: string
  query: string
  search: SearchResult
  quickFilters: QuickFilter[]
  placeholder: string
}

export function SearchBar({ entity, basePath, query, search, quickFilters, placeholder }: Props) {
  return (
    <section className="search-bar" aria-label="Search">
      <QqlSearchBox entity={entity} basePath={basePath} initialQuery={query} initialErrors={search.ok ? [] : search.errors} placeholder={placeholder} />
      <div className="search-tools">
        <QuickFilters basePath={basePath} query={query} filters={quickFilters} />
        <SearchActions entity={entity} basePath={basePath} currentQuery={query} />
      </div>
      {search.ok && query.trim() !== '' && (
        <p className="explain" data-testid="query-explain">
          {search.explain}
        </p>
      )}
      {search.warnings.map((warning, index) => (
        <p key={index} className="warning">
          {warning.message}
        </p>
      ))}
    </section>
  )
}
