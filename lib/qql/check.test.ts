// checkQuery: what the editor shows under the box — errors, deprecation warnings, the reading, and a v1 query's rebuild.
import { describe, expect, it } from 'vitest'
import { checkQuery } from './check'

describe('checkQuery', () => {
  it('reads a valid current query', () => {
    expect(checkQuery('osFamily: windows', 'assets')).toMatchObject({ valid: true, errors: [], explain: 'Assets where osFamily is Windows', migrated: null, version: 2 })
  })

  it('reports errors with positions and no reading', () => {
    const check = checkQuery('osFamily: Windoze AND', 'assets')
    expect(check.valid).toBe(false)
    expect(check.explain).toBeNull()
    expect(check.errors.map((error) => [error.start, error.end])).toEqual([[10, 17], [21, 21]])
  })

  it('keeps a version 1 query at version 1, with its warnings and the rebuilt text', () => {
    const check = checkQuery('os: windows AND patch.severity: High', 'assets', 1)
    expect(check).toMatchObject({ valid: true, version: 1, migrated: 'operatingSystem: windows AND patch.vendorSeverity: Important' })
    expect(check.warnings.map((warning) => warning.message)).toEqual([expect.stringContaining('`os` was renamed `operatingSystem`'), expect.stringContaining('`patch.severity` was renamed')])
    expect(check.changes).toHaveLength(2)
    expect(check.explain).toBe('Assets where operatingSystem contains "windows" and they have a current finding where patch.vendorSeverity is Important')
  })
})
