// List search at a token version: `v` in the URL and API query, a v1 query compiled as v1, links that keep the version.
import { describe, expect, it } from 'vitest'
import type { SessionUser } from '@/lib/auth/user'
import { DomainError } from '@/lib/errors'
import { assetListQuery, findingListQuery } from './lists'
import { requireSearch, searchKeep, tokenVersionParam, validateSearch } from './search'

const USER = { scope: { all: true, tags: [] }, timeZone: 'UTC' } as unknown as SessionUser

describe('token version of a list query', () => {
  it('reads v from a URL or API query string, defaulting to the current version', () => {
    expect(assetListQuery.parse({ q: 'os: windows', v: '1' })).toMatchObject({ q: 'os: windows', v: 1 })
    expect(findingListQuery.parse({}).v).toBe(2)
    expect(tokenVersionParam.safeParse('3').error?.issues[0].message).toBe('v (token version) must be one of 1, 2')
  })

  it('compiles a version 1 query as version 1, and refuses it as version 2 naming the new spelling', () => {
    expect(requireSearch('assets', 'os: windows', USER, 1).params).toEqual({ q1: '%windows%' })
    let error: unknown
    try {
      requireSearch('assets', 'os: windows', USER)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(DomainError)
    expect((error as DomainError).message).toContain('`os` was renamed `operatingSystem`')
  })

  it('keeps the version in paging links only when it is not the current one', () => {
    expect(searchKeep({ q: 'os: windows', v: 1 })).toEqual({ q: 'os: windows', v: '1' })
    expect(searchKeep({ q: 'osFamily: Linux', v: 2 })).toEqual({ q: 'osFamily: Linux' })
    expect(searchKeep({ q: '', v: 1 })).toEqual({})
  })

  it('validates like the editor: a v1 query with its warnings and its rebuilt form', () => {
    expect(validateSearch('findings', 'patch.severity: High', 1)).toMatchObject({ valid: true, version: 1, migrated: 'patch.vendorSeverity: Important' })
  })
})
