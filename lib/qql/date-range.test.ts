// QQL dates stay inside the years DateTime64 holds (1900–2299), absolute or relative, so none reaches the engine out of range.
import { describe, expect, it } from 'vitest'
import { parseQql } from '.'
import { readDate } from './values'

describe('QQL date range', () => {
  it('refuses relative dates reaching beyond 400 years, in any unit', () => {
    for (const text of ['now-401y', 'now+4801M', 'now-20801w', 'now-146001d', 'now-999999y']) expect(readDate(text), text).toBeNull()
  })

  it('accepts relative dates within them, and every hour, minute or second count the syntax allows', () => {
    for (const text of ['now-400y', 'now+4800M', 'now-20800w', 'now-146000d', 'now-999999h', 'now+999999m', 'now-999999s']) expect(readDate(text), text).not.toBeNull()
  })

  it('refuses absolute years outside 1900–2299, with the error at the value', () => {
    const { errors } = parseQql('scanDateTime > 99999-01-01', { entity: 'assets' })
    expect(errors).toHaveLength(1)
    expect(errors[0].start).toBe(15)
    expect(parseQql('scanDateTime > now-1000y', { entity: 'assets' }).errors).toHaveLength(1)
    expect(parseQql('scanDateTime > 2299-12-31', { entity: 'assets' }).errors).toEqual([])
  })
})
