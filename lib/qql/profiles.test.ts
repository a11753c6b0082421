// The profile tokens arrived in token version 2 without changing any other token: v1 and v2 queries keep their meaning,
// a v1 query naming them is told why, and a profile name reaches SQL only as a parameter.
import { describe, expect, it } from 'vitest'
import { compileQql } from './index'
import { checkQuery } from './check'
import { tokensFor } from './tokens/registry'

const user = { scope: { all: true, tags: [] }, timeZone: 'UTC' }

describe('the profile and scanOverdue tokens', () => {
  it('are asset tokens of version 2 (asset.* in the findings view), typed keyword and boolean, with known profile names for autocomplete', () => {
    const byName = new Map(tokensFor('assets', 2).map((token) => [token.name, token]))
    expect(byName.get('profile')).toMatchObject({ type: 'keyword', history: { addedIn: 2, changes: [] }, valueSource: { table: 'assets' } })
    expect(byName.get('scanOverdue')).toMatchObject({ type: 'boolean', values: ['true', 'false'], history: { addedIn: 2, changes: [] } })
    expect(tokensFor('findings', 2).map((token) => token.name)).toEqual(expect.arrayContaining(['asset.profile', 'asset.scanOverdue']))
    expect(tokensFor('assets', 1).map((token) => token.name)).not.toContain('profile')
  })

  it('leave saved v1 and v2 queries as they were; a v1 query naming them learns they arrived in version 2', () => {
    expect(checkQuery('os: windows AND patch.severity: High', 'assets', 1)).toMatchObject({ valid: true, migrated: 'operatingSystem: windows AND patch.vendorSeverity: Important' })
    expect(checkQuery('scanStatus: Scanned and profile: Default and scanOverdue: false', 'assets', 2).valid).toBe(true)
    const v1 = checkQuery('profile: Default', 'assets', 1)
    expect(v1.valid).toBe(false)
    expect(v1.errors[0].message).toContain('arrived in token version 2')
  })

  it('compile to constant SQL: the profile name is a parameter, never text in the query', () => {
    const name = "Servers' OR 1=1 --"
    const compiled = compileQql({ query: `profile = "${name}" and scanOverdue: true`, entity: 'assets', user })
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors))
    expect(compiled.where).not.toContain('OR 1=1')
    expect(Object.values(compiled.params)).toEqual([name, true])
    expect(compiled.where).toContain('FROM assessment_profiles FINAL')
  })
})
