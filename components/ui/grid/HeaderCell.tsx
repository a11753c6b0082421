'use client'
// One column header: a sort link (server sorting, state in the URL), a sort button (client sorting), or plain text.
import type { Header } from '@tanstack/react-table'
import Link from 'next/link'
import type { GridColumn, GridRow } from './columns'
import { pagingHref, type ServerPaging } from './Pager'

const ARROWS = { asc: ' ▲', desc: ' ▼' } as const
const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const

export function cellClass(column: GridColumn | undefined): string | undefined {
  const classes = [column?.numeric ? 'num' : column?.center ? 'center' : null, column?.nowrap ? 'nowrap' : null].filter(Boolean)
  return classes.length > 0 ? classes.join(' ') : undefined
}

export function HeaderCell({ header, column, paging }: { header: Header<GridRow, unknown>; column: GridColumn; paging?: ServerPaging }) {
  if (paging) {
    const sorted = column.sortKey !== undefined && column.sortKey === paging.sort ? paging.dir : undefined
    // The first click on a number column sorts the largest first; on text, A first.
    const nextDir = sorted === 'desc' ? 'asc' : sorted === 'asc' ? 'desc' : column.numeric ? 'desc' : 'asc'
    return (
      <th className={cellClass(column)} aria-sort={sorted ? ARIA_SORT[sorted] : undefined} scope="col">
        {column.sortKey ? (
          <Link className={sorted ? 'sorted' : undefined} href={pagingHref(paging, { sort: column.sortKey, dir: nextDir, page: 1 })}>
            {column.header}
            {sorted ? ARROWS[sorted] : ''}
          </Link>
        ) : (
          column.header
        )}
      </th>
    )
  }
  const sorted = header.column.getIsSorted()
  return (
    <th className={cellClass(column)} aria-sort={sorted ? ARIA_SORT[sorted] : undefined} scope="col">
      {header.column.getCanSort() ? (
        <button type="button" className={sorted ? 'sort sorted' : 'sort'} onClick={header.column.getToggleSortingHandler()}>
          {column.header}
          {sorted ? ARROWS[sorted] : ''}
        </button>
      ) : (
        column.header
      )}
    </th>
  )
}
