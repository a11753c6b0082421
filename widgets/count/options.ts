// Count widget view: the number (or "812 of 2,000 = 41 %"), its threshold colour and the change since N days ago.
import type { CountWidget } from '../schema'
import type { Grid } from '../shared/data'
import { formatValue, thresholdColor } from '../shared/options'

export interface CountView {
  kind: 'count'
  value: number | null
  text: string
  /** From the thresholds; null: the theme's text colour. */
  color: string | null
  ratio: { numerator: number; denominator: number; text: string } | null
  comparison: { daysAgo: number; previous: number | null; delta: number | null; text: string } | null
}

/** The count from its grid: a list widget's only row, or a history series' last day (its sum, for failed installs). */
export function countView(widget: CountWidget, grid: Grid, rawValues: readonly (number | null)[] = []): CountView {
  const unit = widget.display.unit
  const valueAt = (index: number): number | null => {
    const values = grid.series.map((series) => series.values[index] ?? null)
    return values.every((value) => value === null) ? null : values.reduce<number>((sum, value) => sum + (value ?? 0), 0)
  }
  const last = grid.keys.length - 1
  let value: number | null
  if (widget.entity === 'history' && widget.series === 'failedInstalls') value = grid.series[0]?.values.reduce<number>((sum, v) => sum + (v ?? 0), 0) ?? 0
  else value = last < 0 ? (widget.entity === 'history' ? null : 0) : valueAt(last)

  let ratio: CountView['ratio'] = null
  if (widget.representation === 'ratio' && widget.metric.kind === 'ratio') {
    const [numerator, denominator] = [rawValues[0] ?? 0, rawValues[1] ?? 0]
    ratio = { numerator, denominator, text: `${formatValue(numerator)} of ${formatValue(denominator)} = ${formatValue(value, '%')}` }
  }
  let comparison: CountView['comparison'] = null
  if (widget.comparisonDaysAgo !== null && last >= 0) {
    const previous = valueAt(Math.max(0, last - widget.comparisonDaysAgo))
    const delta = value === null || previous === null ? null : value - previous
    const sign = delta !== null && delta > 0 ? '+' : ''
    comparison = { daysAgo: widget.comparisonDaysAgo, previous, delta, text: delta === null ? 'no earlier value' : `${sign}${formatValue(delta, unit)} vs ${widget.comparisonDaysAgo} days ago` }
  }
  return { kind: 'count', value, text: formatValue(value, unit), color: thresholdColor(widget.display.thresholds, value), ratio, comparison }
}
