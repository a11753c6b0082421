// Times and counts as people read them: in their own zone, the zone named where no header names it, a dash for no time; nouns in the right number.
import { describe, expect, it } from 'vitest'
import { countOf, formatDate, formatDateTime, timeHeader } from './format'

describe('formatDateTime', () => {
  it('shows a UTC instant in the user\'s zone, across a date line', () => {
    expect(formatDateTime('2026-12-01T23:30:00.000Z', 'Europe/Berlin')).toBe('02 Dec 2026, 00:30')
    expect(formatDateTime('2026-12-01T23:30:00.000Z', 'UTC')).toBe('01 Dec 2026, 23:30')
    expect(formatDate('2026-12-01T23:30:00.000Z', 'America/New_York')).toBe('01 Dec 2026')
  })

  it('names the zone when asked, following daylight saving time', () => {
    expect(formatDateTime('2026-12-01T12:00:00.000Z', 'Europe/Berlin', { zone: true })).toBe('01 Dec 2026, 13:00 CET')
    expect(formatDateTime('2026-07-01T12:00:00.000Z', 'Europe/Berlin', { zone: true })).toBe('01 Jul 2026, 14:00 CEST')
    expect(formatDateTime('2026-07-01T12:00:00.000Z', 'UTC', { zone: true })).toBe('01 Jul 2026, 12:00 UTC')
  })

  it('shows a dash for a missing or unparsable time', () => {
    expect(formatDateTime('1970-01-01T00:00:00.000Z', 'UTC')).toBe('—')
    expect(formatDate('not a time', 'UTC')).toBe('—')
    expect(timeHeader('Created', 'Asia/Tokyo')).toBe('Created (Asia/Tokyo)')
  })
})

describe('countOf', () => {
  it('puts the noun in the right number, with thousands separators and irregular plurals', () => {
    expect(countOf(1, 'profile')).toBe('1 profile')
    expect(countOf(0, 'job')).toBe('0 jobs')
    expect(countOf(2140, 'asset')).toBe('2,140 assets')
    expect(countOf(2, 'patch', 'patches')).toBe('2 patches')
  })
})
