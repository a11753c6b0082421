// Server-rendered data table with sortable column headers and a pager; state lives in the URL.
import Link from 'next/link'
import type { ReactNode } from 'react'

export interface Column<Row> {
  label: string
  /** Sort key understood by the list API; absent = not sortable. */
  sortKey?: string
  numeric?: boolean
  render: (row: Row) => ReactNode
}

export interface TableState {
  sort: string
  dir: 'asc' | 'desc'
  page: number
  pageSize: number
}

interface Props<Row> {
  caption: string
  basePath: string
  columns: Column<Row>[]
  rows: Row[]
  rowKey: (row: Row) => string
  total: number
  state: TableState
  /** Other URL parameters to keep (e.g. the query). */
  keep?: Record<string, string>
}

function href(basePath: string, keep: Record<string, string>, state: TableState): string {
  const params = new URLSearchParams({ ...keep, sort: state.sort, dir: state.dir, page: String(state.page), pageSize: String(state.pageSize) })
  return `${basePath}?${params.toString()}`
}

export function DataTable<Row>({ caption, basePath, columns, rows, rowKey, total, state, keep = {} }: Props<Row>) {
  const pages = Math.max(1, Math.ceil(total / state.pageSize))
  const first = total === 0 ? 0 : (state.page - 1) * state.pageSize + 1
  const last = Math.min(total, state.page * state.pageSize)
  return (
    <div className="panel">
      <div className="table-meta">
        <span data-testid="table-count">
          {first.toLocaleString('en')}–{last.toLocaleString('en')} of {total.toLocaleString('en')} {caption}
        </span>
        <nav className="pager" aria-label="Pages">
          {state.page > 1 ? <Link href={href(basePath, keep, { ...state, page: state.page - 1 })}>‹ Previous</Link> : <span className="disabled">‹ Previous</span>}
          <span>
            Page {state.page} of {pages.toLocaleString('en')}
          </span>
          {state.page < pages ? <Link href={href(basePath, keep, { ...state, page: state.page + 1 })}>Next ›</Link> : <span className="disabled">Next ›</span>}
        </nav>
      </div>
      <table className="data">
        <thead>
          <tr>
            {columns.map((column) => {
              const sorted = column.sortKey === state.sort
              const nextDir = sorted && state.dir === 'desc' ? 'asc' : sorted ? 'desc' : column.numeric ? 'desc' : 'asc'
              return (
                <th key={column.label} className={column.numeric ? 'num' : undefined} aria-sort={sorted ? (state.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                  {column.sortKey ? (
                    <Link className={sorted ? 'sorted' : undefined} href={href(basePath, keep, { ...state, sort: column.sortKey, dir: nextDir, page: 1 })}>
                      {column.label} {sorted ? (state.dir === 'asc' ? '▲' : '▼') : ''}
                    </Link>
                  ) : (
                    column.label
                  )}
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.label} className={column.numeric ? 'num' : undefined}>
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <div className="empty">No {caption} to show.</div>}
    </div>
  )
}
