// A searchable list page (Assets, Patches, Findings): title, QQL search bar with quick filters, Export, and the grid.
import type { ReactNode } from 'react'
import type { RecentSearch } from '@/components/qql-editor/QqlEditor'
import { ExportDialog } from '@/components/export/ExportDialog'
import { SearchBar } from '@/components/search/SearchBar'
import { gridData, type ColumnDef } from '@/components/ui/grid/columns'
import { DataGrid } from '@/components/ui/grid/DataGrid'
import type { ServerPaging } from '@/components/ui/grid/Pager'
import { SelectionLinkGrid, type SelectionLink } from './SelectionLinkGrid'
import type { QuickFilter } from '@/lib/services/quick-filters'

type Entity = 'assets' | 'patches' | 'findings'

interface Props<Row> {
  entity: Entity
  title: string
  subtitle: ReactNode
  placeholder: string
  quickFilters: readonly QuickFilter[]
  /** The list's input as read from the URL (query, token version, sort). */
  input: { q: string; v: number; sort?: string; dir?: 'asc' | 'desc' }
  recent: readonly RecentSearch[]
  userId: string
  /** Whether the viewer may export (the page decides with the permission table). */
  canExport: boolean
  columns: ColumnDef<Row>[]
  /** The page of rows, or null when the query did not compile (the search bar shows why). */
  page: { rows: Row[]; total: number } | null
  rowId: (row: Row) => string
  /** The URL state the pager keeps, minus the total. */
  paging: Omit<ServerPaging, 'total'>
  /** Row selection with one action that opens a page with the selected ids (e.g. "Create job"). */
  selectionLink?: SelectionLink
}

export function ListScreen<Row>({ entity, title, subtitle, placeholder, quickFilters, input, recent, userId, canExport, columns, page, rowId, paging, selectionLink }: Props<Row>) {
  const basePath = `/${entity}`
  return (
    <>
      <h1>{title}</h1>
      <p className="subtitle">{subtitle}</p>
      <SearchBar entity={entity} basePath={basePath} query={input.q} version={input.v} recent={recent} quickFilters={quickFilters} placeholder={placeholder} />
      {canExport && (
        <div className="export-bar">
          <ExportDialog entity={entity} query={input.q} version={input.v} sort={input.sort} dir={input.dir} userId={userId} />
        </div>
      )}
      {page &&
        (selectionLink ? (
          <SelectionLinkGrid tableId={entity} userId={userId} label={title} noun={entity} {...gridData(columns, page.rows, rowId)} paging={{ ...paging, total: page.total }} selectionLink={selectionLink} />
        ) : (
          <DataGrid tableId={entity} userId={userId} label={title} noun={entity} {...gridData(columns, page.rows, rowId)} paging={{ ...paging, total: page.total }} />
        ))}
    </>
  )
}
