// Count widget view: the number (or "812 of 2,000 = 41 %"), its threshold colour and the change since N days ago.
import type { CountWidget } from '../schema'
import { metricValue, metricWidth, type Grid } from '../shared/data'
import { formatValue, thresholdColor } from '../shared/options'

export interface CountComparison {
  daysAgo: number
  previous: number | null
  delta: number | null
  /** The change relative to the earlier value, in %; null for a percentage (its change is in points) or from 0. */
  percent: number | null
  trend: 'up' | 'down' | 'flat' | null
  /** Whether the change is good news (the widget's `increaseIsGood`); null when flat or unknown. */
  good: boolean | null
  text: string
}

export interface CountView {
  kind: 'count'
  value: number | null
  text: string
  /** From the thresholds; null: the theme's text colour. */
  color: string | null
  ratio: { numerator: number; denominator: number; text: string } | null
  comparison: CountComparison | null
}

/** "+12 (+4.5 %) vs 7 days ago" and its direction, from the value now and then. */
export function countComparison(widget: CountWidget, daysAgo: number, value: number | null, previous: number | null): CountComparison {
  const unit = widget.display.unit
  const delta = value === null || previous === null ? null : value - previous
  const inPoints = unit === '%' || widget.metric.kind === 'ratio'
  const percent = delta === null || previous === null || previous === 0 || inPoints ? null : (100 * delta) / Math.abs(previous)
  const trend = delta === null ? null : delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat'
  const good = trend === null || trend === 'flat' ? null : (trend === 'up') === widget.increaseIsGood
  const sign = delta !== null && delta > 0 ? '+' : ''
  const relative = percent === null ? '' : ` (${sign}${formatValue(percent, '%')})`
  const text = delta === null ? 'no earlier value' : `${sign}${formatValue(delta, unit)}${relative} vs ${daysAgo} days ago`
  return { daysAgo, previous, delta, percent, trend, good, text }
}

/**
 * The count from its grid: a list widget's only row, or a history series' last day (its sum, for failed installs). A
 * compared list count carries its value N days ago after its own values in the row (`rawValues`, widgets/count/query.ts).
 */
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
  let comparison: CountComparison | null = null
  const daysAgo = widget.comparisonDaysAgo
  if (daysAgo !== null && widget.entity === 'history' && last >= 0) comparison = countComparison(widget, daysAgo, value, valueAt(Math.max(0, last - daysAgo)))
  // Without the earlier values (a dashboard filter without history: the result's note says why) there is no comparison.
  const width = metricWidth(widget.metric)
  if (daysAgo !== null && widget.entity !== 'history' && rawValues.length >= 2 * width) comparison = countComparison(widget, daysAgo, value, metricValue(widget.metric, rawValues, width))
  return { kind: 'count', value, text: formatValue(value, unit), color: thresholdColor(widget.display.thresholds, value), ratio, comparison }
}
