// Migration tests: v1 saved queries rewritten to v2 text, with renames, the isLatest inversion and value mappings.
import { describe, expect, it } from 'vitest'
import { parseSyntax } from '../parser'
import { printQuery } from '../print'
import { migrateQuery } from './migrate'
import type { Entity } from './types'

describe('migrateQuery v1 → v2', () => {
  it.each<[string, Entity, string]>([
    ['os: windows', 'assets', 'operatingSystem: windows'],
    ['patch.severity: Critical', 'assets', 'patch.vendorSeverity: Critical'],
    ['severity: high', 'patches', 'vendorSeverity: Important'],
    ['severity: [High, medium, Low]', 'patches', 'vendorSeverity: [Important, Moderate, Low]'],
    ['isLatest: true', 'patches', 'isSuperseded: false'],
    ['isLatest: FALSE', 'patches', 'isSuperseded: true'],
    ['NOT isLatest: true', 'patches', 'NOT isSuperseded: false'],
    ['patch.isLatest = true', 'assets', 'patch.isSuperseded = false'],
    ['patch.isLatest: true', 'findings', 'patch.isSuperseded: false'],
    ['asset.os: "Windows Server"', 'findings', 'asset.operatingSystem: "Windows Server"'],
    [
      'os: win* (patch.severity: medium OR patch.isLatest: false) missingPatchCount > 3',
      'assets',
      'operatingSystem: win* AND (patch.vendorSeverity: Moderate OR patch.isSuperseded: true) AND missingPatchCount > 3',
    ],
  ])('%s (%s) → %s', (v1, entity, v2) => {
    const result = migrateQuery(v1, 1, 2, entity)
    expect(result.errors).toEqual([])
    expect(result.query).toBe(v2)
  })

  it('keeps an authored group of patch conditions, which decides whether they must hold on one finding', () => {
    expect(migrateQuery('(patch.severity: high AND NOT os: x) AND patch.isLatest: true', 1, 2, 'assets').query).toBe(
      '(patch.vendorSeverity: Important AND NOT operatingSystem: x) AND patch.isSuperseded: false',
    )
    expect(migrateQuery('(os: a OR os: b) OR patch.isLatest: true', 1, 2, 'assets').query).toBe(
      '(operatingSystem: a OR operatingSystem: b) OR patch.isSuperseded: false',
    )
  })

  it('lists each change with its position in the original text and the reason', () => {
    expect(migrateQuery('title: x AND isLatest: true AND severity: High', 1, 2, 'patches')).toEqual({
      query: 'title: x AND isSuperseded: false AND vendorSeverity: Important',
      errors: [],
      changes: [
        {
          start: 13,
          end: 27,
          from: 'isLatest: true',
          to: 'isSuperseded: false',
          message: 'token version 2: the meaning is inverted: isLatest:true is isSuperseded:false',
        },
        {
          start: 32,
          end: 46,
          from: 'severity: High',
          to: 'vendorSeverity: Important',
          message: "token version 2: now the vendor's own rating words (High is Important, Medium is Moderate)",
        },
      ],
    })
  })

  it('keeps a query that needs no change exactly as typed', () => {
    expect(migrateQuery('name:web   AND  patch.qid: 100', 1, 2, 'assets')).toEqual({ query: 'name:web   AND  patch.qid: 100', changes: [], errors: [] })
    expect(migrateQuery('qid: 100', 1, 2, 'patches')).toEqual({ query: 'qid: 100', changes: [], errors: [] })
    expect(migrateQuery('', 1, 2, 'patches')).toEqual({ query: '', changes: [], errors: [] })
  })

  it('reports what it cannot rebuild, with positions', () => {
    expect(migrateQuery('title: x OR isRollup: true', 1, 2, 'patches')).toEqual({
      query: null,
      changes: [],
      errors: [{ message: '`isRollup` was removed in token version 2: write category: "Update Rollups" instead at 12', start: 12, end: 20 }],
    })
    expect(migrateQuery('severity: Urgent', 1, 2, 'patches')).toMatchObject({
      query: null,
      errors: [{ message: '`Urgent` is not a value of `severity` at 10, expected one of Critical, High, Medium, Low, None', start: 10 }],
    })
    expect(migrateQuery('os: ', 1, 2, 'assets')).toMatchObject({ query: null, errors: [{ message: 'expected a value after `os:` at 4' }] })
    expect(migrateQuery('scanStatus: Scanned', 1, 2, 'assets').query).toBeNull()
  })

  it('checks versions', () => {
    expect(migrateQuery('os: x', 2, 1, 'assets').errors[0].message).toBe('cannot migrate down from token version 2 to 1 at 0')
    expect(migrateQuery('os: x', 0, 2, 'assets').errors[0].message).toBe('unknown token version 0 at 0, expected one of 1, 2')
    expect(migrateQuery('operatingSystem: x', 2, 2, 'assets')).toEqual({ query: 'operatingSystem: x', changes: [], errors: [] })
  })

  it('prints values that need quoting or escaping so they read back the same', () => {
    const v1 = 'os: "a \\"quoted\\" word" AND os: `back\\`tick` AND os: a\\ b\\*c* AND os: "and" AND os: x\\..y'
    const result = migrateQuery(v1, 1, 2, 'assets')
    expect(result.query).toBe('operatingSystem: "a \\"quoted\\" word" AND operatingSystem: `back\\`tick` AND operatingSystem: a\\ b\\*c* AND operatingSystem: "and" AND operatingSystem: x\\..y')
    const reparsed = parseSyntax(result.query ?? '')
    expect(reparsed.errors).toEqual([])
    expect(printQuery(reparsed.ast)).toBe(result.query)
  })
})
