// Value tests: dates (absolute, relative, precision, offsets), time-zone conversion across DST, IPs and LIKE escaping.
import { describe, expect, it } from 'vitest'
import { formatUtcDateTime64, wallTimeToUtc } from './time-zone'
import { escapeLike, likePattern, readBoolean, readDate, readInteger, readIp } from './values'

const utc = (text: string) => Date.parse(`${text}Z`)

describe('readDate', () => {
  it.each([
    ['2026-01', utc('2026-01-01T00:00:00'), utc('2026-02-01T00:00:00')],
    ['2026-12', utc('2026-12-01T00:00:00'), utc('2027-01-01T00:00:00')],
    ['2026-01-31', utc('2026-01-31T00:00:00'), utc('2026-02-01T00:00:00')],
    ['2024-02-29', utc('2024-02-29T00:00:00'), utc('2024-03-01T00:00:00')],
    ['2026-01-31T10:00', utc('2026-01-31T10:00:00'), utc('2026-01-31T10:01:00')],
    ['2026-01-31 10:00', utc('2026-01-31T10:00:00'), utc('2026-01-31T10:01:00')],
    ['2026-01-31T10:00:30', utc('2026-01-31T10:00:30'), utc('2026-01-31T10:00:31')],
    ['2026-01-31T10:00:30.25', utc('2026-01-31T10:00:30.250'), utc('2026-01-31T10:00:30.251')],
  ])('%s is the wall-clock span it names', (text, start, end) => {
    expect(readDate(text)).toEqual({ kind: 'absolute', start, end, zoned: true })
  })

  it('reads an explicit zone as UTC', () => {
    expect(readDate('2026-01-31T10:00Z')).toEqual({ kind: 'absolute', start: utc('2026-01-31T10:00:00'), end: utc('2026-01-31T10:01:00'), zoned: false })
    expect(readDate('2026-01-31T10:00+05:30')).toMatchObject({ start: utc('2026-01-31T04:30:00'), zoned: false })
    expect(readDate('2026-01-31T10:00-0800')).toMatchObject({ start: utc('2026-01-31T18:00:00'), zoned: false })
  })

  it.each([
    ['now', 0, 'second'],
    ['NOW', 0, 'second'],
    ['now-30d', -30, 'day'],
    ['now-1M', -1, 'month'],
    ['now-2w', -2, 'week'],
    ['now-12h', -12, 'hour'],
    ['now-5m', -5, 'minute'],
    ['now-1y', -1, 'year'],
    ['now+2d', 2, 'day'],
  ])('%s is relative', (text, amount, unit) => {
    expect(readDate(text)).toEqual({ kind: 'relative', amount, unit })
  })

  it.each(['2026-13-01', '2026-02-30', '2025-02-29', '2026-01-31T24:00', '2026-01-31T10:60', '1899-12-31', '2300-01-01', 'now-30', 'now-30x', 'now-9999999d', 'now - 30d', 'yesterday', '2026', '31/01/2026', '2026-01-31T10:00+15:00'])(
    '%s is not a date',
    (text) => {
      expect(readDate(text)).toBeNull()
    },
  )
})

describe('wallTimeToUtc', () => {
  it('converts with the offset in force at that date', () => {
    expect(wallTimeToUtc(utc('2026-01-31T00:00:00'), 'Europe/Paris')).toBe(utc('2026-01-30T23:00:00'))
    expect(wallTimeToUtc(utc('2026-07-31T00:00:00'), 'Europe/Paris')).toBe(utc('2026-07-30T22:00:00'))
    expect(wallTimeToUtc(utc('2026-01-31T00:00:00'), 'America/New_York')).toBe(utc('2026-01-31T05:00:00'))
    expect(wallTimeToUtc(utc('2026-01-31T00:00:00'), 'Asia/Kolkata')).toBe(utc('2026-01-30T18:30:00'))
    expect(wallTimeToUtc(utc('2026-01-31T00:00:00'), 'UTC')).toBe(utc('2026-01-31T00:00:00'))
  })

  it('moves a wall time skipped by DST forward and picks the first of a repeated one', () => {
    // Paris 2026-03-29: 02:00 → 03:00. 2026-10-25: 03:00 → 02:00.
    expect(wallTimeToUtc(utc('2026-03-29T02:30:00'), 'Europe/Paris')).toBe(utc('2026-03-29T01:30:00'))
    expect(wallTimeToUtc(utc('2026-10-25T02:30:00'), 'Europe/Paris')).toBe(utc('2026-10-25T00:30:00'))
    expect(wallTimeToUtc(utc('2026-03-29T00:00:00'), 'Europe/Paris')).toBe(utc('2026-03-28T23:00:00'))
    expect(wallTimeToUtc(utc('2026-03-30T00:00:00'), 'Europe/Paris')).toBe(utc('2026-03-29T22:00:00'))
  })

  it('formats a DateTime64(3) parameter', () => {
    expect(formatUtcDateTime64(utc('2026-01-31T10:00:30.250'))).toBe('2026-01-31 10:00:30.250')
  })
})

describe('scalars', () => {
  it('reads whole numbers and booleans strictly', () => {
    expect([readInteger('42'), readInteger('-3'), readInteger('+7'), readInteger('4.2'), readInteger('1e3'), readInteger(''), readInteger('9007199254740993')]).toEqual([
      42, -3, 7, null, null, null, null,
    ])
    expect([readBoolean('true'), readBoolean('FALSE'), readBoolean('yes')]).toEqual([true, false, null])
  })

  it.each([
    ['10.0.0.1', { kind: 'address', text: '10.0.0.1' }],
    ['fe80::1', { kind: 'address', text: 'fe80::1' }],
    ['::', { kind: 'address', text: '::' }],
    ['::ffff:10.0.0.1', { kind: 'address', text: '::ffff:10.0.0.1' }],
    ['2001:db8:0:0:0:0:0:1', { kind: 'address', text: '2001:db8:0:0:0:0:0:1' }],
    ['10.0.0.0/8', { kind: 'cidr', text: '10.0.0.0/8' }],
    ['fe80::/10', { kind: 'cidr', text: 'fe80::/10' }],
    ['10.0.0.256', null],
    ['10.0.0', null],
    ['1:2:3:4:5:6:7:8:9', null],
    ['1::2::3', null],
    ['10.0.0.0/33', null],
    ['10.0.0.0/+8', null],
    ['fe80::/129', null],
    ['host.example', null],
  ])('IP %s', (text, expected) => {
    expect(readIp(text, null)).toEqual(expected)
  })

  it('accepts IP patterns of address characters only', () => {
    expect(readIp('10.0.*', ['10.0.', ''])).toEqual({ kind: 'pattern', parts: ['10.0.', ''] })
    expect(readIp("10.*'", ['10.', "'"])).toBeNull()
  })

  it('escapes LIKE metacharacters and turns wildcards into %', () => {
    expect(escapeLike('100%_a\\b')).toBe('100\\%\\_a\\\\b')
    expect(likePattern(['web', '01_', ''])).toBe('web%01\\_%')
  })
})
