// History data helpers: Patch Tuesday dates and cycles, the window's days in a time zone.
import { describe, expect, it } from 'vitest'
import { patchTuesday, patchTuesdayCycle, todayIn, windowDays } from './data'

describe('history data', () => {
  it('Patch Tuesday is the second Tuesday of the month; a date before it belongs to the previous cycle', () => {
    expect([patchTuesday(2026, 1), patchTuesday(2026, 9), patchTuesday(2026, 12)]).toEqual(['2026-01-13', '2026-09-08', '2026-12-08'])
    expect(patchTuesdayCycle('2026-01-13')).toBe('2026-01-13')
    expect(patchTuesdayCycle('2026-01-12')).toBe('2025-12-09')
    expect(patchTuesdayCycle('2026-02-28')).toBe('2026-02-10')
  })

  it('the window ends today in the viewer zone', () => {
    const justAfterMidnightInBerlin = new Date('2026-03-09T23:30:00Z')
    expect(todayIn('Europe/Berlin', justAfterMidnightInBerlin)).toBe('2026-03-10')
    expect(todayIn('UTC', justAfterMidnightInBerlin)).toBe('2026-03-09')
    expect(windowDays('2026-03-01', 3)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01'])
  })
})
