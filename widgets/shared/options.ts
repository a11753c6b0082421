// Shared pieces of widget option builders: number formatting, threshold colours, the palette, click data on points.
import type { Display, Thresholds } from '../schema'
import { OTHER_KEY } from './data'

/** Colour-blind-safe palette (Okabe–Ito order) for groups without a colour of their own. */
export const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000', '#999999', '#5e35b1']
/** The neutral colour of an "Other" bucket (a bar, slice or stack segment), apart from the palette's group colours. */
export const OTHER_COLOR = '#8a94a3'

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 })

/** 2,000 · 41.3 % · 3.5 days; '–' for no value. */
export function formatValue(value: number | null, unit: string | null = null): string {
  if (value === null || !Number.isFinite(value)) return '–'
  const text = Number.isInteger(value) ? integer.format(value) : decimal.format(value)
  if (unit === null || unit === '') return text
  return unit === '%' ? `${text} %` : `${text} ${unit}`
}

/** The colour of a value under sorted threshold steps: the last step at or below it, else the base. */
export function thresholdColor(thresholds: Thresholds | null, value: number | null): string | null {
  if (thresholds === null || value === null) return null
  let color = thresholds.base
  for (const step of thresholds.steps) if (value >= step.from) color = step.color
  return color
}

export function groupColor(display: Display, key: string, index: number): string {
  return display.colors[key] ?? (key === OTHER_KEY ? OTHER_COLOR : PALETTE[index % PALETTE.length])
}

/**
 * What a chart point carries for drill-down: ECharts hands the data item back in click events (`params.data`), so
 * `drillDown(widget, filters, params.data.drill, grid)` needs no lookup by position.
 */
export interface PointDrill {
  key: string
  /** The series key: a stack value, a series query index, or ''. */
  series: string
}
