// Quick-filter clauses on the syntax tree: lit only when the query's top level requires them, toggled exactly.
import { describe, expect, it } from 'vitest'
import { toggleClause } from './clauses'

const WINDOWS = 'osFamily: Windows'

describe('toggleClause', () => {
  it.each<[string, boolean]>([
    ['osFamily: Windows', true],
    ['osFamily: windows', true],
    ['name: web and osFamily: Windows', true],
    ['asset.osFamily: Windows and name: web', true],
    ['NOT osFamily: Windows', false],
    ['osFamily: Windows OR name: web', false],
    ['name: web AND NOT (osFamily: Windows)', false],
    ['osFamily: Windowsy', false],
    ['osFamily: [Windows, Linux]', false],
    ['', false],
  ])('`%s` lights the Windows chip: %s', (query, on) => {
    expect(toggleClause(query, WINDOWS, 'assets').on).toBe(on)
  })

  it.each<[string, string]>([
    ['osFamily: Windows', ''],
    ['name: web and osFamily: Windows', 'name: web'],
    ['osFamily: Windows name: web tags.name: Prod', 'name: web AND tags.name: Prod'],
    ['(name: a OR name: b) AND osFamily: windows', 'name: a OR name: b'],
  ])('clicking the lit chip on `%s` leaves `%s`', (query, expected) => {
    expect(toggleClause(query, WINDOWS, 'assets')).toEqual({ on: true, toggled: expected })
  })

  it.each<[string, string]>([
    ['', 'osFamily: Windows'],
    ['name: web', 'name: web AND osFamily: Windows'],
    ['name: a OR name: b', '(name: a OR name: b) AND osFamily: Windows'],
    ['NOT osFamily: Windows', 'NOT osFamily: Windows AND osFamily: Windows'],
  ])('clicking the unlit chip on `%s` gives `%s`', (query, expected) => {
    expect(toggleClause(query, WINDOWS, 'assets')).toEqual({ on: false, toggled: expected })
  })

  it('handles a filter of several conditions, written as a group or one by one', () => {
    const latest = 'patch.status: Missing and patch.isSuperseded: false'
    expect(toggleClause('name: web', latest, 'assets').toggled).toBe('name: web AND (patch.status: Missing AND patch.isSuperseded: false)')
    expect(toggleClause('name: web AND (patch.status: Missing AND patch.isSuperseded: false)', latest, 'assets')).toEqual({ on: true, toggled: 'name: web' })
    expect(toggleClause('patch.isSuperseded: FALSE patch.status: Missing name: web', latest, 'assets')).toEqual({ on: true, toggled: 'name: web' })
    expect(toggleClause('patch.status: Missing name: web', latest, 'assets').on).toBe(false)
  })

  it('keeps quoted values and phrases apart from wildcards', () => {
    const notScanned = 'scanStatus: "Not Scanned Recently"'
    expect(toggleClause('scanStatus: "not scanned recently"', notScanned, 'assets').on).toBe(true)
    expect(toggleClause('name: "web*"', 'name: web*', 'assets').on).toBe(false)
  })

  it('appends to a query that does not parse, leaving the error for the user to see', () => {
    expect(toggleClause('name: (', WINDOWS, 'assets')).toEqual({ on: false, toggled: 'name: ( AND osFamily: Windows' })
  })
})
