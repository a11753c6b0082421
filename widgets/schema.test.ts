// Widget config validation: one union on `type`, each type's own rules, null meaning absent, the library all valid.
import { describe, expect, it } from 'vitest'
import { DEFAULT_DASHBOARD, WIDGET_LIBRARY } from './defaults'
import { widgetSchema } from './schema'

const id = '7b0f4d0a-1111-4000-8000-000000000001'
const issues = (input: object) => {
  const result = widgetSchema.safeParse({ id, title: 'W', ...input })
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
}

describe('widgetSchema', () => {
  it('reads null as absent and fills the defaults', () => {
    const parsed = widgetSchema.parse({ id, title: 'W', type: 'count', entity: 'assets', query: null, metric: null, display: null, tokenVersion: null })
    expect(parsed).toMatchObject({ query: '', metric: { kind: 'count' }, tokenVersion: 2, limit: 10, display: { unit: null, colors: {}, thresholds: null } })
  })

  it("says what is wrong, at the field, for each type's rules", () => {
    expect(issues({ type: 'gauge', entity: 'assets' })[0]).toMatch(/^type: /)
    expect(issues({ type: 'bar', entity: 'assets' })).toEqual(['groupBy: this widget type groups by a token'])
    expect(issues({ type: 'line', entity: 'history' })).toEqual(['series: a history widget names its series'])
    expect(issues({ type: 'pie', entity: 'history', series: 'compliance' })).toEqual(['series: this widget type shows timeToPatch, failedInstalls'])
    expect(issues({ type: 'count', entity: 'assets', groupBy: { token: 'osFamily' } })).toEqual(['groupBy: this widget type shows one value'])
    expect(issues({ type: 'count', entity: 'assets', tokenVersion: 7 })).toEqual(['tokenVersion: token version must be one of 1, 2'])
    expect(issues({ type: 'bar', entity: 'assets', groupBy: { token: 'osFamily' }, stackBy: { token: 'architecture' }, other: true, stackLimit: 21 })).toEqual([
      'stackLimit: stack segments shown is a whole number from 1 to 20',
    ])
  })

  it('every shipped widget is valid', () => {
    for (const widget of [...DEFAULT_DASHBOARD.widgets, ...WIDGET_LIBRARY]) expect(widgetSchema.safeParse(widget).success).toBe(true)
  })
})
