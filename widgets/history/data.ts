// History series rows → a grid of days (or severities, or Patch Tuesday cycles) × series; running sums fill each day.
import { VENDOR_SEVERITIES } from '@/ingest/schema/scan'
import type { HistorySeries } from '../schema'
import type { ResultRow } from '../result'
import type { Grid } from '../shared/data'

const DAY_MS = 86_400_000

/** Today's date (YYYY-MM-DD) in a time zone, as the engine's `toDate(now, tz)` reads it. */
export function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/** The `days` dates ending with `today`, oldest first. */
export function windowDays(today: string, days: number): string[] {
  const end = Date.parse(`${today}T00:00:00Z`)
  return Array.from({ length: days }, (_, index) => new Date(end - (days - 1 - index) * DAY_MS).toISOString().slice(0, 10))
}

/** Second Tuesday of a month (UTC date arithmetic on a calendar date). */
export function patchTuesday(year: number, month: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1))
  const offset = (9 - (first.getUTCDay() === 0 ? 7 : first.getUTCDay())) % 7
  return new Date(Date.UTC(year, month - 1, 1 + offset + 7)).toISOString().slice(0, 10)
}

const severityOrder = (severity: string) => {
  const index = (VENDOR_SEVERITIES as readonly string[]).indexOf(severity)
  return index === -1 ? VENDOR_SEVERITIES.length : index
}

/** Same value as widgets/history/query.ts CURRENT_STATE_KEY (that module holds SQL). */
const CURRENT_STATE_KEY = 'current'

/**
 * Per severity (or ''): the state at the end of each window day, going back from the current state (k1 = 'current')
 * by undoing each later day's change `[Δmissing, Δinstalled]`.
 */
function dailyStates(rows: readonly ResultRow[], days: readonly string[]): Map<string, { missing: number[]; installed: number[] }> {
  const bySeries = new Map<string, { current: [number, number]; changes: Map<string, [number, number]> }>()
  for (const row of rows) {
    const entry = bySeries.get(row.k2) ?? { current: [0, 0], changes: new Map() }
    const values: [number, number] = [row.v[0] ?? 0, row.v[1] ?? 0]
    if (row.k1 === CURRENT_STATE_KEY) entry.current = values
    else entry.changes.set(row.k1, values)
    bySeries.set(row.k2, entry)
  }
  const states = new Map<string, { missing: number[]; installed: number[] }>()
  for (const [series, { current, changes }] of bySeries) {
    let [missing, installed] = current
    const state = { missing: new Array<number>(days.length), installed: new Array<number>(days.length) }
    for (let index = days.length - 1; index >= 0; index--) {
      state.missing[index] = missing
      state.installed[index] = installed
      const change = changes.get(days[index])
      if (change !== undefined) {
        missing -= change[0]
        installed -= change[1]
      }
    }
    states.set(series, state)
  }
  return states
}

export function historyGrid(series: HistorySeries, rows: readonly ResultRow[], options: { days: number; timeZone: string; now: Date }): Grid {
  const days = windowDays(todayIn(options.timeZone, options.now), options.days)
  switch (series) {
    case 'compliance': {
      const state = dailyStates(rows, days).get('') ?? { missing: days.map(() => 0), installed: days.map(() => 0) }
      const values = days.map((_, i) => {
        const applicable = state.missing[i] + state.installed[i]
        return applicable === 0 ? null : (100 * state.installed[i]) / applicable
      })
      return { keys: days, series: [{ key: 'compliance', label: 'Compliance', values }] }
    }
    case 'missingBySeverity': {
      const states = [...dailyStates(rows, days)].sort(([a], [b]) => severityOrder(a) - severityOrder(b))
      return { keys: days, series: states.map(([severity, state]) => ({ key: severity, label: severity, values: state.missing })) }
    }
    case 'timeToPatch': {
      const sorted = [...rows].sort((a, b) => severityOrder(a.k1) - severityOrder(b.k1))
      const column = (index: number) => sorted.map((row) => row.v[index] ?? null)
      return {
        keys: sorted.map((row) => row.k1),
        series: [
          { key: 'mean', label: 'Mean days', values: column(0) },
          { key: 'median', label: 'Median days', values: column(1) },
          { key: 'installs', label: 'Installs', values: column(2) },
        ],
      }
    }
    case 'publishedVsInstalled': {
      // Cycles that started before the window's first day's cycle are not shown (the SQL leaves them in, see its note).
      const firstCycle = patchTuesdayCycle(days[0])
      const cycles = [...new Set(rows.map((row) => row.k1))].filter((cycle) => cycle >= firstCycle).sort()
      const valueOf = (kind: string) => cycles.map((cycle) => rows.find((row) => row.k1 === cycle && row.k2 === kind)?.v[0] ?? 0)
      return {
        keys: cycles,
        series: [
          { key: 'published', label: 'Published', values: valueOf('published') },
          { key: 'installed', label: 'Installed', values: valueOf('installed') },
        ],
      }
    }
    case 'failedInstalls': {
      const byDay = new Map(rows.map((row) => [row.k1, row.v[0] ?? 0]))
      return { keys: days, series: [{ key: '', label: 'Failed installs', values: days.map((day) => byDay.get(day) ?? 0) }] }
    }
  }
}

/** The Patch Tuesday cycle a date (YYYY-MM-DD) falls in: its month's second Tuesday, or the previous month's. */
export function patchTuesdayCycle(date: string): string {
  const [year, month] = date.split('-').map(Number)
  const own = patchTuesday(year, month)
  if (date >= own) return own
  return month === 1 ? patchTuesday(year - 1, 12) : patchTuesday(year, month - 1)
}
