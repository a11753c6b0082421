// A widget's result rows as a grid (keys × series of numbers) in display order: what option builders and drill-down read.
import { VENDOR_SEVERITIES } from '@/ingest/schema/scan'
import { historyGrid } from '../history/data'
import type { ResultRow } from '../result'
import type { Metric, Widget } from '../schema'
import { checkGroupBy, queryEntity } from './tokens'

/** Same value as widgets/shared/query.ts OTHER_KEY (that module holds SQL, this one runs in the browser). */
export const OTHER_KEY = '\u0000other'

export interface GridSeries {
  /** The stack value, series query index, or the history series' own key. */
  key: string
  label: string
  /** One per grid key; null where there is no value. */
  values: (number | null)[]
}

export interface Grid {
  /** Group keys (x axis, slices, table rows), in display order; OTHER_KEY last. */
  keys: string[]
  series: GridSeries[]
}

/** How many values a metric contributes to a row's `v` (a ratio carries its numerator and denominator). */
export function metricWidth(metric: Metric): number {
  return metric.kind === 'ratio' ? 2 : 1
}

/** The number a metric shows, from a row's values at `offset`: a ratio in %, anything else as it is. */
export function metricValue(metric: Metric, values: readonly (number | null)[], offset = 0): number | null {
  if (metric.kind !== 'ratio') return values[offset] ?? null
  const denominator = values[offset + 1] ?? 0
  return denominator === 0 ? null : (100 * (values[offset] ?? 0)) / denominator
}

export function keyLabel(key: string): string {
  if (key === OTHER_KEY) return 'Other'
  return key === '' ? '(none)' : key
}

/** Enum values in their declared order (severities Critical → None), other keys as text; Other last. */
function keyComparator(widget: Widget): (a: string, b: string) => number {
  const group = widget.groupBy === null || widget.entity === 'history' ? null : checkGroupBy(queryEntity(widget.entity), widget.groupBy)
  const values = group?.ok && group.token.values !== null ? group.token.values : VENDOR_SEVERITIES
  const rank = (key: string) => {
    const index = (values as readonly string[]).indexOf(key)
    return index === -1 ? values.length : index
  }
  return (a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)
}

function orderKeys(widget: Widget, keys: string[], totals: Map<string, number>): string[] {
  const byKey = keyComparator(widget)
  const isDate = widget.groupBy?.bucket != null
  const sorted = [...keys].sort((a, b) => {
    if (a === OTHER_KEY || b === OTHER_KEY) return a === OTHER_KEY ? 1 : -1
    if (isDate) return a < b ? -1 : 1
    switch (widget.sort) {
      case 'value-desc':
        return (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || byKey(a, b)
      case 'value-asc':
        return (totals.get(a) ?? 0) - (totals.get(b) ?? 0) || byKey(a, b)
      case 'key-asc':
        return byKey(a, b)
      case 'key-desc':
        return byKey(b, a)
    }
  })
  return sorted
}

/** The metrics of each row, in `v` order: the widget's own, then (tables) each extra column's. */
export function rowMetrics(widget: Widget): { label: string; metric: Metric }[] {
  if (widget.type === 'table') return [{ label: widget.metricLabel, metric: widget.metric }, ...widget.columns]
  return [{ label: widget.title, metric: widget.metric }]
}

/** The grid of a widget's rows; `now` is when they were computed (history windows end on that day). */
export function widgetGrid(widget: Widget, rows: readonly ResultRow[], options: { timeZone: string; now: Date }): Grid {
  if (widget.entity === 'history') return historyGrid(widget.series ?? 'compliance', rows, { days: widget.days, timeZone: options.timeZone, now: options.now })
  const keys = [...new Set(rows.map((row) => row.k1))]
  const value = (row: ResultRow | undefined, metric: Metric, offset: number) => (row === undefined ? null : metricValue(metric, row.v, offset))
  let series: { key: string; label: string; pick: (key: string) => number | null }[]
  if (widget.type === 'multiSeries') {
    series = widget.seriesQueries.map((query, index) => ({
      key: String(index),
      label: query.label,
      pick: (key) => value(rows.find((row) => row.s === index && row.k1 === key), widget.metric, 0),
    }))
  } else if (widget.type === 'bar' && widget.stackBy !== null) {
    const byStack = keyComparator({ ...widget, groupBy: widget.stackBy })
    // The "Other" segment last (top of the stack, end of the legend).
    const stacks = [...new Set(rows.map((row) => row.k2))].sort((a, b) => Number(a === OTHER_KEY) - Number(b === OTHER_KEY) || byStack(a, b))
    series = stacks.map((stack) => ({ key: stack, label: keyLabel(stack), pick: (key) => value(rows.find((row) => row.k1 === key && row.k2 === stack), widget.metric, 0) }))
  } else {
    let offset = 0
    series = rowMetrics(widget).map(({ label, metric }) => {
      const at = offset
      offset += metricWidth(metric)
      return { key: String(at), label, pick: (key: string) => value(rows.find((row) => row.k1 === key), metric, at) }
    })
  }
  // A table sorts by its first column; stacks and series by their sum.
  const sortBy = widget.type === 'table' ? series.slice(0, 1) : series
  const totals = new Map(keys.map((key) => [key, sortBy.reduce((sum, entry) => sum + (entry.pick(key) ?? 0), 0)]))
  const ordered = orderKeys(widget, keys, totals)
  return { keys: ordered, series: series.map(({ key, label, pick }) => ({ key, label, values: ordered.map(pick) })) }
}
