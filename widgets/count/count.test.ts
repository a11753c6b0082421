// Count widget: its schema rules, its query (one value, a ratio's numerator and denominator) and its view.
import { describe, expect, it } from 'vitest'
import { widgetSchema } from '../schema'
import { widgetGrid } from '../shared/data'
import { context, row, widget } from '../test-helpers'
import { countView } from './options'
import { countQuery } from './query'

const now = new Date('2026-03-10T12:00:00Z')
const ratio = widget({
  type: 'count', entity: 'assets', metric: { kind: 'ratio', numerator: 'missingCriticalCount > 0' }, representation: 'ratio',
  display: { unit: '%', thresholds: { base: '#00ff00', steps: [{ from: 40, color: '#ff0000' }, { from: 20, color: '#ffff00' }] } },
})

describe('count widget', () => {
  it('sorts threshold steps and refuses a ratio representation without a ratio metric or a comparison without history', () => {
    expect(ratio.display.thresholds?.steps.map((step) => step.from)).toEqual([20, 40])
    const bad = widgetSchema.safeParse({ id: crypto.randomUUID(), type: 'count', title: 'x', entity: 'assets', representation: 'ratio', comparisonDaysAgo: 7 })
    expect(bad.success ? [] : bad.error.issues.map((issue) => issue.path.join('.'))).toEqual(['representation', 'comparisonDaysAgo'])
  })

  it('counts the numerator with countIf over the same rows as the denominator, parameters apart from the query', () => {
    const built = countQuery(ratio, context())
    if (!built.ok) throw new Error(JSON.stringify(built.problems))
    expect(built.branches[0].sql).toContain('[toFloat64(countIf(a.missing_critical_count > {n0_q1:Int64})), toFloat64(count())] AS v FROM assets AS a FINAL')
    expect(built.branches[0].params).toMatchObject({ n0_q1: 0 })
  })

  it('shows "812 of 2,000 = 40.6 %" in the colour of the step reached', () => {
    const view = countView(ratio, widgetGrid(ratio, [row('', [812, 2000])], { timeZone: 'UTC', now }), [812, 2000])
    expect(view).toMatchObject({ text: '40.6 %', color: '#ff0000', ratio: { numerator: 812, denominator: 2000, text: '812 of 2,000 = 40.6 %' } })
    const low = countView(ratio, widgetGrid(ratio, [row('', [10, 2000])], { timeZone: 'UTC', now }), [10, 2000])
    expect(low.color).toBe('#00ff00')
  })

  it('compares a history state with N days ago', () => {
    const compliance = widget({ type: 'count', entity: 'history', series: 'compliance', days: 10, comparisonDaysAgo: 7, display: { unit: '%' } })
    // Now all 4 installed; two days ago 3 missing ones were installed, so before that 1 of 4 was.
    const rows = [row('current', [0, 4]), row('2026-03-08', [-3, 3])]
    const view = countView(compliance, widgetGrid(compliance, rows, { timeZone: 'UTC', now }))
    expect(view).toMatchObject({ value: 100, comparison: { daysAgo: 7, previous: 25, delta: 75, text: '+75 % vs 7 days ago' } })
  })
})
