// Unit tests of service-backed export cells: dates in the zone (text for CSV, Excel serials for XLSX), lists, inert formulas.
import { describe, expect, it } from 'vitest'
import { cellValue } from './table-writer'

describe('cellValue', () => {
  it('writes a date as wall-clock text of the zone in CSV and as the Excel serial of that wall-clock time in XLSX', () => {
    expect(cellValue('date', '2026-12-01T21:30:00.000Z', 'csv', 'Europe/Berlin')).toBe('2026-12-01 22:30:00')
    expect(cellValue('date', '2026-07-01T21:30:00.000Z', 'csv', 'Europe/Berlin')).toBe('2026-07-01 23:30:00')
    // 2026-12-01 22:30 is serial 46357 + 22.5/24.
    expect(cellValue('date', '2026-12-01T21:30:00.000Z', 'xlsx', 'Europe/Berlin')).toBeCloseTo(46357 + 22.5 / 24, 8)
    expect(cellValue('date', null, 'csv', 'UTC')).toBe('')
    expect(cellValue('date', null, 'xlsx', 'UTC')).toBeNull()
  })

  it('neutralises text a spreadsheet would run, joins lists, keeps numbers and booleans typed in XLSX', () => {
    for (const payload of ['=HYPERLINK("x")', '+1', '-1+2', '@SUM(1)', '\tx', '\rx']) expect(cellValue('text', payload, 'csv', 'UTC')).toBe(`'${payload}`)
    expect(cellValue('text', 'Weekly job', 'xlsx', 'UTC')).toBe('Weekly job')
    expect(cellValue('list', ['Site-Pune', '=cmd'], 'csv', 'UTC')).toBe('Site-Pune, =cmd')
    expect(cellValue('list', ['=cmd', 'x'], 'csv', 'UTC')).toBe("'=cmd, x")
    expect(cellValue('integer', 3, 'xlsx', 'UTC')).toBe(3)
    expect(cellValue('boolean', true, 'xlsx', 'UTC')).toBe(true)
    expect(cellValue('boolean', false, 'csv', 'UTC')).toBe('false')
  })
})
