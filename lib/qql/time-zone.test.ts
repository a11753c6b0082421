// The asset timeZone token arrived in token version 2 without changing any other token; a zone reaches SQL only as a parameter.
import { describe, expect, it } from 'vitest'
import { checkQuery } from './check'
import { compileQql } from './index'
import { tokensFor } from './tokens/registry'

const user = { scope: { all: true, tags: [] }, timeZone: 'UTC' }

describe('the asset timeZone token', () => {
  it('is an asset keyword of version 2 (asset.timeZone in the findings view) with the reported zones for autocomplete', () => {
    const token = tokensFor('assets', 2).find((candidate) => candidate.name === 'timeZone')
    expect(token).toMatchObject({ type: 'keyword', history: { addedIn: 2, changes: [] }, valueSource: { table: 'assets' } })
    expect(tokensFor('findings', 2).map((candidate) => candidate.name)).toContain('asset.timeZone')
    expect(tokensFor('assets', 1).map((candidate) => candidate.name)).not.toContain('timeZone')
  })

  it('a v1 query naming it learns it arrived in version 2; a v2 query is valid', () => {
    expect(checkQuery('timeZone: Asia/Kolkata', 'assets', 2).valid).toBe(true)
    const v1 = checkQuery('timeZone: Asia/Kolkata', 'assets', 1)
    expect(v1.valid).toBe(false)
    expect(v1.errors[0].message).toContain('arrived in token version 2')
  })

  it('compiles the zone to a parameter, never text in the query', () => {
    const compiled = compileQql({ query: 'timeZone = "Asia/Kolkata\' OR 1=1 --"', entity: 'assets', user })
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors))
    expect(compiled.where).toContain('a.time_zone')
    expect(compiled.where).not.toContain('OR 1=1')
    expect(Object.values(compiled.params)).toEqual(["Asia/Kolkata' OR 1=1 --"])
  })
})
