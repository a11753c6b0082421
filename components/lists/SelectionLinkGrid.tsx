'use client'
// A list's grid whose selection bar offers a link carrying the selected ids (e.g. Assets → "Create job" → /jobs/new?assets=a,b).
import Link from 'next/link'
import { DataGrid, type DataGridProps } from '@/components/ui/grid/DataGrid'

export interface SelectionLink {
  label: string
  /** The page the link opens; the ids go in `param`, comma-separated. */
  href: string
  param: string
}

export function SelectionLinkGrid({ selectionLink, ...grid }: Omit<DataGridProps, 'bulkActions'> & { selectionLink: SelectionLink }) {
  return (
    <DataGrid
      {...grid}
      bulkActions={(ids) => (
        <Link className="button small" href={`${selectionLink.href}?${new URLSearchParams({ [selectionLink.param]: ids.join(',') }).toString()}`}>
          {selectionLink.label}
        </Link>
      )}
    />
  )
}
