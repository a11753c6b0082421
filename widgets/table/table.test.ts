// Table widget: several metrics per group (one pass for sums, two for statistics), rows sorted by the first column.
import { describe, expect, it } from 'vitest'
import { widgetGrid } from '../shared/data'
import { OTHER_KEY } from '../shared/query'
import { context, row, widget } from '../test-helpers'
import { tableView } from './options'
import { tableQuery } from './query'

const daysMissing = widget({
  type: 'table', entity: 'findings', query: 'status: Missing', groupBy: { token: 'patch.vendor' }, limit: 2, other: true,
  metric: { kind: 'median', measure: 'daysMissing' }, metricLabel: 'Median days', display: { unit: 'days' },
  columns: [{ label: 'Findings', metric: { kind: 'count' } }, { label: 'Critical share', metric: { kind: 'ratio', numerator: 'patch.vendorSeverity: Critical' } }],
})

describe('table widget', () => {
  it('computes every column per group; "Other" of a median is the median of its rows', () => {
    const built = tableQuery(daysMissing, context())
    if (!built.ok) throw new Error(JSON.stringify(built.problems))
    const [{ sql, params }] = built.branches
    expect(sql).toContain("quantileExactInclusive(0.5)(toFloat64(dateDiff('second', f.first_seen_at, ifNull(f.installed_at, now64(3, 'UTC'))) / 86400))")
    expect(sql).toContain('toFloat64(countIf(f.is_deleted = 0 AND p.vendor_severity = {n2_q1:String}))')
    expect(sql).toMatch(/^SELECT toUInt16\(0\) AS s, if\(toString\(p\.vendor\) IN \(SELECT .* LIMIT \{limit:UInt32\}\), toString\(p\.vendor\), \{otherKey:String\}\) AS k1/)
    expect(params).toMatchObject({ n2_q1: 'Critical', otherKey: OTHER_KEY })
  })

  it('lays out one row per group, sorted by the first column, cells formatted in each metric\'s unit', () => {
    const grid = widgetGrid(daysMissing, [row('Google', [3, 10, 1, 10]), row('Microsoft', [12.25, 4, 3, 4]), row(OTHER_KEY, [20, 2, 0, 2])], { timeZone: 'UTC', now: new Date() })
    const view = tableView(daysMissing, grid)
    expect(view.columns.map((column) => column.label)).toEqual(['Median days', 'Findings', 'Critical share'])
    expect(view.rows.map((entry) => [entry.label, ...entry.cells])).toEqual([
      ['Microsoft', '12.3 days', '4', '75 %'],
      ['Google', '3 days', '10', '10 %'],
      ['Other', '20 days', '2', '0 %'],
    ])
  })
})
