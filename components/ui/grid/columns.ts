// Column and row shapes of the data grid, and the helper that turns typed rows into rendered cells (works in server and client components).
import type { ReactNode } from 'react'

/** What the grid needs to know of a column: all of it serialisable, so a server page can hand it to the client grid. */
export interface GridColumn {
  /** Stable id: the key of the remembered layout, and of the cell in each row. */
  id: string
  header: string
  /** Sort key understood by the list API (server sorting) — or, in a client-sorted grid, marks the column sortable. */
  sortKey?: string
  numeric?: boolean
  center?: boolean
  /** Keeps the cell on one line (names, ids, times). */
  nowrap?: boolean
  /** Default true; false keeps the column visible (e.g. the row's name). */
  hideable?: boolean
}

export interface GridRow {
  id: string
  /** Read by screen readers on the row's selection checkbox ("Select <label>"). */
  label?: string
  cells: Record<string, ReactNode>
  /** Values for sorting in the browser (client-sorted grids only), by column id. */
  sortValues?: Record<string, string | number>
  /** Extra attributes on the <tr>, e.g. a test id. */
  testId?: string
  /** False: the row has no selection checkbox and "Select all" leaves it out (e.g. the default profile, which no bulk action applies to). */
  selectable?: boolean
}

/** A column as a page writes it: the shape plus how to render (and, for client sorting, compare) a row. */
export interface ColumnDef<Row> extends GridColumn {
  cell: (row: Row) => ReactNode
  sortValue?: (row: Row) => string | number
}

export interface GridData {
  columns: GridColumn[]
  rows: GridRow[]
}

/** Renders typed rows into grid rows: call it in the (server or client) component that owns the data. */
export function gridData<Row>(columns: ColumnDef<Row>[], rows: Row[], rowId: (row: Row) => string, extra?: (row: Row) => Pick<GridRow, 'label' | 'testId' | 'selectable'>): GridData {
  return {
    columns: columns.map(({ cell: _cell, sortValue: _sortValue, ...column }) => column),
    rows: rows.map((row) => {
      const cells: Record<string, ReactNode> = {}
      const sortValues: Record<string, string | number> = {}
      for (const column of columns) {
        cells[column.id] = column.cell(row)
        if (column.sortValue) sortValues[column.id] = column.sortValue(row)
      }
      return { id: rowId(row), cells, ...(Object.keys(sortValues).length > 0 ? { sortValues } : {}), ...extra?.(row) }
    }),
  }
}
