// Table widget view: one row per group with a cell per metric (formatted), the way a TanStack table renders it.
import type { TableWidget } from '../schema'
import { keyLabel, rowMetrics, type Grid } from '../shared/data'
import { formatValue } from '../shared/options'

export interface TableView {
  kind: 'table'
  columns: { key: string; label: string }[]
  rows: { key: string; label: string; values: (number | null)[]; cells: string[] }[]
}

export function tableView(widget: TableWidget, grid: Grid): TableView {
  // Counts have no unit, a ratio is a %, statistics take the widget's unit (history: installs are a count, not days).
  const metrics = rowMetrics(widget)
  const unitOf = (column: number): string | null => {
    if (widget.entity === 'history') return grid.series[column]?.key === 'installs' ? null : widget.display.unit
    const kind = metrics[column]?.metric.kind
    return kind === 'ratio' ? '%' : kind === 'count' || kind === 'distinctCount' ? null : widget.display.unit
  }
  return {
    kind: 'table',
    columns: grid.series.map((series) => ({ key: series.key, label: series.label })),
    rows: grid.keys.map((key, index) => {
      const values = grid.series.map((series) => series.values[index] ?? null)
      return { key, label: keyLabel(key), values, cells: values.map((value, column) => formatValue(value, unitOf(column))) }
    }),
  }
}
