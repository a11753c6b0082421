'use client'
// The one table of Patchboard (TanStack Table): server or client sorting, server paging, remembered column choice and order,
// sticky header, horizontal scroll inside its card, and row selection with a "N selected" bar of the page's bulk actions.
import { getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type RowSelectionState, type SortingState } from '@tanstack/react-table'
import { useMemo, useState, type ReactNode } from 'react'
import type { GridColumn, GridRow } from './columns'
import { ColumnMenu } from './ColumnMenu'
import { cellClass, HeaderCell } from './HeaderCell'
import { orderColumns, useGridLayout } from './layout'
import { GridCount, Pager, type ServerPaging } from './Pager'
import { SelectCell, SelectionBar } from './Selection'

export interface DataGridProps {
  /** Names the table's remembered layout (with the user id), e.g. "assets". */
  tableId: string
  userId: string
  /** The table's accessible name, e.g. "Assets". */
  label: string
  /** What the rows are, for the count and the empty message, e.g. "assets". */
  noun: string
  columns: GridColumn[]
  rows: GridRow[]
  /** Server-side sorting and paging (state in the URL); without it the grid sorts its rows in the browser. */
  paging?: ServerPaging
  /** Row selection: the bulk actions for the selected row ids (shown in the selection bar). */
  bulkActions?: (selectedIds: string[], clearSelection: () => void) => ReactNode
  /** Controls on the toolbar's right, before the Columns button. */
  toolbar?: ReactNode
  /** Caps the height so the sticky header has room to stick (default); false for short tables. */
  bounded?: boolean
  emptyText?: string
}

const SELECT_COLUMN = '_select'

export function DataGrid({ tableId, userId, label, noun, columns, rows, paging, bulkActions, toolbar, bounded = true, emptyText }: DataGridProps) {
  const { layout, update } = useGridLayout(userId, tableId)
  const [sorting, setSorting] = useState<SortingState>([])
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({})
  const byId = useMemo(() => new Map(columns.map((column) => [column.id, column])), [columns])
  const order = orderColumns(
    columns.map((column) => column.id),
    layout.order,
  )

  const columnDefs = useMemo<ColumnDef<GridRow>[]>(() => {
    const defs: ColumnDef<GridRow>[] = columns.map((column) => ({
      id: column.id,
      header: column.header,
      accessorFn: (row) => row.sortValues?.[column.id],
      cell: ({ row }) => row.original.cells[column.id],
      enableSorting: !paging && column.sortKey !== undefined,
      sortDescFirst: column.numeric === true,
      enableHiding: column.hideable !== false,
    }))
    return bulkActions ? [{ id: SELECT_COLUMN, header: 'Select', enableSorting: false, enableHiding: false }, ...defs] : defs
  }, [columns, paging, bulkActions])

  // TanStack Table v8's hook returns non-memoisable functions; React Compiler skips this component, which is what we want.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: columnDefs,
    getRowId: (row) => row.id,
    state: {
      sorting,
      rowSelection,
      columnOrder: bulkActions ? [SELECT_COLUMN, ...order] : order,
      columnVisibility: Object.fromEntries(layout.hidden.filter((id) => byId.get(id)?.hideable !== false).map((id) => [id, false])),
    },
    onSortingChange: setSorting,
    onRowSelectionChange: setRowSelection,
    enableRowSelection: bulkActions === undefined ? false : (row) => row.original.selectable !== false,
    manualSorting: paging !== undefined,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  })

  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id] && rows.some((row) => row.id === id))
  const total = paging?.total ?? rows.length
  const first = total === 0 ? 0 : paging ? (paging.page - 1) * paging.pageSize + 1 : 1
  const last = paging ? Math.min(total, paging.page * paging.pageSize) : rows.length

  return (
    <div className="grid-card">
      <div className="grid-toolbar">
        <GridCount first={first} last={last} total={total} noun={noun} />
        <div className="grid-toolbar-end">
          {toolbar}
          <ColumnMenu columns={columns} order={order} layout={layout} onChange={update} />
          {paging && <Pager paging={paging} />}
        </div>
      </div>
      {bulkActions && selectedIds.length > 0 && (
        <SelectionBar count={selectedIds.length} onClear={() => setRowSelection({})}>
          {bulkActions(selectedIds, () => setRowSelection({}))}
        </SelectionBar>
      )}
      {/* Focusable so keyboard users can scroll a table wider or taller than its card (axe: scrollable-region-focusable). */}
      <div className={bounded ? 'grid-scroll' : 'grid-scroll grid-unbounded'} tabIndex={0} role="region" aria-label={`${label}, scrollable`}>
        <table className="data" aria-label={label}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) =>
                  header.id === SELECT_COLUMN ? (
                    <th key={header.id} className="select" scope="col">
                      <SelectCell label="Select all rows" checked={table.getIsAllRowsSelected()} indeterminate={table.getIsSomeRowsSelected()} onChange={table.toggleAllRowsSelected} />
                    </th>
                  ) : (
                    <HeaderCell key={header.id} header={header} column={byId.get(header.id)!} paging={paging} />
                  ),
                )}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-testid={row.original.testId} data-selected={row.getIsSelected() || undefined}>
                {row.getVisibleCells().map((cell) =>
                  cell.column.id === SELECT_COLUMN ? (
                    <td key={cell.id} className="select">
                      {row.getCanSelect() && <SelectCell label={`Select ${row.original.label ?? row.id}`} checked={row.getIsSelected()} onChange={row.toggleSelected} />}
                    </td>
                  ) : (
                    <td key={cell.id} className={cellClass(byId.get(cell.column.id))}>
                      {row.original.cells[cell.column.id]}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <div className="empty">{emptyText ?? `No ${noun} to show.`}</div>}
      </div>
    </div>
  )
}
