// The builder's type and entity switches: every switch leaves a widget the schema accepts (no hidden field left behind to
// block a save), and each keeps what still applies.
import { describe, expect, it } from 'vitest'
import { widgetSchema, WIDGET_ENTITIES, WIDGET_TYPES } from '@/widgets/schema'
import { adjustSource, newBuilderValues } from './form-model'

const titled = () => ({ ...newBuilderValues(), title: 'A widget' })

describe('adjustSource', () => {
  it('gives a valid widget for every type on every entity it can read', () => {
    for (const type of WIDGET_TYPES) {
      for (const entity of WIDGET_ENTITIES) {
        const values = adjustSource(adjustSource(titled(), { entity }), { type })
        const parsed = widgetSchema.safeParse(values)
        expect(parsed.success, `${type} on ${entity}: ${parsed.error?.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`).toBe(true)
      }
    }
  })

  it('drops the group-by for a count and brings one back for a chart', () => {
    const count = adjustSource(titled(), { type: 'count' })
    expect(count.groupBy).toBeNull()
    expect(adjustSource(count, { type: 'pie' }).groupBy).not.toBeNull()
  })

  it('groups a trend by a date token, bucketed by week', () => {
    const line = adjustSource(titled(), { type: 'line' })
    expect(line.groupBy).toEqual({ token: expect.stringMatching(/Date|date/), bucket: 'week' })
  })

  it('keeps the query when only the type changes, and starts afresh when the entity changes', () => {
    const start = titled()
    expect(adjustSource(start, { type: 'table' }).query).toBe(start.query)
    expect(adjustSource(start, { entity: 'assets' })).toMatchObject({ query: '', entity: 'assets' })
  })

  it('gives a history widget a series its type shows, and a multi-series chart a list entity', () => {
    expect(adjustSource(adjustSource(titled(), { type: 'pie' }), { entity: 'history' }).series).toBe('timeToPatch')
    expect(adjustSource(adjustSource(titled(), { entity: 'history' }), { type: 'multiSeries' }).entity).toBe('findings')
  })
})
