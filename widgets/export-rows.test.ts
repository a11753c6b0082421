// A widget's result as file rows: a time series one row per bucket with the zone in the header, history days, a count's one row.
import { describe, expect, it } from 'vitest'
import { widgetTable } from './export-rows'
import type { ResultRow } from './result'
import { widgetSchema } from './schema'

const ok = (rows: ResultRow[]) => ({ status: 'ok' as const, widgetId: 'w', rows, notes: [], computedAt: '2026-11-03T10:00:00Z', cached: false })

describe('widgetTable', () => {
  it('a time series has one row per bucket and names the zone its dates are in', () => {
    const widget = widgetSchema.parse({ id: '5d1e0000-0000-4000-8000-000000000010', type: 'line', title: 'Scans per week', entity: 'assets', groupBy: { token: 'scanDateTime', bucket: 'week' } })
    const table = widgetTable(widget, ok([{ s: 0, k1: '2026-11-02', k2: '', v: [4] }, { s: 0, k1: '2026-10-26', k2: '', v: [7] }]), 'Europe/Berlin')
    expect(table.columns.map((column) => column.header)).toEqual(['Last scan, by week (Europe/Berlin)', 'Scans per week'])
    expect(table.rows).toEqual([['2026-10-26', 7], ['2026-11-02', 4]])
  })

  it('a history series has one row per day of its window, in the viewer zone', () => {
    const widget = widgetSchema.parse({ id: '5d1e0000-0000-4000-8000-000000000011', type: 'bar', title: 'Failed installs', entity: 'history', series: 'failedInstalls', days: 3 })
    const table = widgetTable(widget, ok([{ s: 0, k1: '2026-11-02', k2: '', v: [5] }]), 'America/New_York')
    expect(table.columns.map((column) => column.header)).toEqual(['Day (America/New_York)', 'Failed installs'])
    expect(table.rows).toEqual([['2026-11-01', 0], ['2026-11-02', 5], ['2026-11-03', 0]])
  })

  it('a count is one row, empty when nothing matched; a ratio header says %', () => {
    const count = widgetSchema.parse({ id: '5d1e0000-0000-4000-8000-000000000012', type: 'count', title: 'Assets', entity: 'assets' })
    expect(widgetTable(count, ok([]), 'UTC')).toMatchObject({ rows: [[null]] })
    const ratio = widgetSchema.parse({ id: '5d1e0000-0000-4000-8000-000000000013', type: 'count', title: 'Critical share', entity: 'findings', metric: { kind: 'ratio', numerator: 'patch.vendorSeverity: Critical' } })
    expect(widgetTable(ratio, ok([{ s: 0, k1: '', k2: '', v: [1, 4] }]), 'UTC')).toEqual({ columns: [{ header: 'Critical share (%)', type: 'integer', width: 16 }], rows: [[25]] })
  })
})
