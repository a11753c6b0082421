// URL input of list pages and the API's paging bounds: out-of-range page numbers never reach the engine, past the end is empty.
import { describe, expect, it } from 'vitest'
import { MAX_PAGE, MAX_PAGE_SIZE, pageParams } from '@/lib/repositories/paging'
import { auditFilter, auditQuerySchema } from './audit-log'
import { assetListQuery } from './lists'
import { readListInput } from './page-input'

describe('page numbers', () => {
  it('refuses an unsafe or absurd page number with a clear message (it used to be a 500)', () => {
    for (const schema of [assetListQuery, auditQuerySchema]) {
      const result = schema.safeParse({ page: '9007199254740991', pageSize: '500' })
      expect(result.success).toBe(false)
      expect(result.error?.issues[0].message).toBe(`page is at most ${MAX_PAGE}`)
    }
  })

  it('never lets an offset wrap round the engine’s 32-bit OFFSET to an early page: far pages are past the end', () => {
    // page 85899347 × 500 used to wrap to offset 40 and show page 1's rows.
    expect(pageParams(85_899_347, 500).offset).toBe(2 ** 32 - 1)
    expect(pageParams(MAX_PAGE, MAX_PAGE_SIZE).offset).toBe(2 ** 32 - 1)
    expect(pageParams(3, 50)).toEqual({ limit: 50, offset: 100 })
  })

  it('a page URL keeps its valid parameters and drops only the refused ones', () => {
    expect(readListInput(assetListQuery, { page: '9007199254740991', q: 'name: WKS*', sort: 'name' })).toMatchObject({ page: 1, q: 'name: WKS*', sort: 'name' })
    expect(readListInput(assetListQuery, { page: ['2', '3'], pageSize: '0' })).toMatchObject({ page: 2, pageSize: 50 })
  })
})

describe('audit query dates', () => {
  const ADMIN = { scope: { all: true, tags: [] }, timeZone: 'UTC' }

  it('refuses a date outside the years the log holds, naming it and its position (after:99999-01-01 used to be a 500)', () => {
    for (const [text, value] of [['time > 99999-01-01', '99999-01-01'], ['time >= +099999-01-01', '+099999-01-01'], ['time < 1800-01-01', '1800-01-01'], ['time: [0001-01-01 .. now]', '0001-01-01']]) {
      expect(() => auditFilter(text, ADMIN), text).toThrow(`\`${value}\` is outside the dates QQL reads (years 1900 to 2299) at ${text.indexOf(value)}`)
    }
    expect(() => auditFilter('actor: x AND time > tomorrow', ADMIN)).toThrow(/expected a date after `time >` at 20, found `tomorrow`/)
  })

  it('accepts dates within them', () => {
    expect(auditFilter('time >= 2026-11-01 AND time < 2299-12-31T23:59Z', ADMIN).params).toEqual({ q1: '2026-11-01 00:00:00.000', q2: '2299-12-31 23:59:00.000' })
  })
})
