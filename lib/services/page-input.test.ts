// URL input of list pages and the API's paging bounds: out-of-range page numbers never reach the engine, past the end is empty.
import { describe, expect, it } from 'vitest'
import { MAX_PAGE, MAX_PAGE_SIZE, pageParams } from '@/lib/repositories/paging'
import { auditQuerySchema, parseAuditFilter } from './audit-log'
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

describe('audit filter dates', () => {
  it('refuses a date outside the years the log holds, naming its position (after:99999-01-01 used to be a 500)', () => {
    for (const text of ['after:99999-01-01', 'after:+099999-01-01', 'before:1800-01-01', 'after:0001-01-01']) {
      expect(() => parseAuditFilter(text), text).toThrow(/at position 1 is outside the dates the log holds \(years 1900 to 2299\)/)
    }
    expect(() => parseAuditFilter('actor:x after:tomorrow')).toThrow(/"tomorrow" at position 9 is not a date/)
  })

  it('accepts dates within them', () => {
    expect(parseAuditFilter('after:2026-11-01 before:2299-12-31T23:59Z')).toMatchObject({ after: '2026-11-01T00:00:00.000Z', before: '2299-12-31T23:59:00.000Z' })
  })
})
