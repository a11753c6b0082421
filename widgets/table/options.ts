// Table widget view: one row per group with a cell per metric (formatted), the way a TanStack table renders it.
import type { TableWidget } from '../schema'
import { keyLabel, type Grid } from '../shared/data'
import { formatValue } from '../shared/options'

export interface TableView {
  kind: 'table'
  columns: { key: string; label: string }[]
  rows: { key: string; label: string; values: (number | null)[]; cells: string[] }[]
}

export function tableView(widget: TableWidget, grid: Grid): TableView {
  // History series columns carry their own units (installs are a count, not days).
  const unitOf = (seriesKey: string) => (seriesKey === 'installs' ? null : widget.display.unit)
  return {
    kind: 'table',
    columns: grid.series.map((series) => ({ key: series.key, label: series.label })),
    rows: grid.keys.map((key, index) => {
      const values = grid.series.map((series) => series.values[index] ?? null)
      return { key, label: keyLabel(key), values, cells: values.map((value, column) => formatValue(value, unitOf(grid.series[column].key))) }
    }),
  }
}
