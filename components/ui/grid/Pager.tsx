// The grid's count ("1–50 of 2,000 assets") and Previous / Next links of server-side paging; the page lives in the URL.
import Link from 'next/link'

export interface ServerPaging {
  /** The page's path; sort, direction and page are added as URL parameters. */
  basePath: string
  /** Other URL parameters to keep (e.g. the query). */
  keep?: Record<string, string>
  sort?: string
  dir?: 'asc' | 'desc'
  page: number
  pageSize: number
  total: number
}

export function pagingHref(paging: ServerPaging, change: Partial<Pick<ServerPaging, 'sort' | 'dir' | 'page'>>): string {
  const next = { ...paging, ...change }
  const params = new URLSearchParams({ ...paging.keep })
  if (next.sort) params.set('sort', next.sort)
  if (next.dir) params.set('dir', next.dir)
  params.set('page', String(next.page))
  params.set('pageSize', String(next.pageSize))
  return `${paging.basePath}?${params.toString()}`
}

export function GridCount({ first, last, total, noun }: { first: number; last: number; total: number; noun: string }) {
  return (
    <span data-testid="table-count">
      {first.toLocaleString('en')}–{last.toLocaleString('en')} of {total.toLocaleString('en')} {noun}
    </span>
  )
}

export function Pager({ paging }: { paging: ServerPaging }) {
  const pages = Math.max(1, Math.ceil(paging.total / paging.pageSize))
  return (
    <nav className="pager" aria-label="Pages">
      {paging.page > 1 ? <Link href={pagingHref(paging, { page: paging.page - 1 })}>‹ Previous</Link> : <span className="disabled">‹ Previous</span>}
      <span>
        Page {paging.page} of {pages.toLocaleString('en')}
      </span>
      {paging.page < pages ? <Link href={pagingHref(paging, { page: paging.page + 1 })}>Next ›</Link> : <span className="disabled">Next ›</span>}
    </nav>
  )
}
