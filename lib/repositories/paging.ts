// Paging and sorting input shared by every list (validated at the API boundary, whitelisted sort keys, bounded page numbers).
import { z } from 'zod'

export const MAX_PAGE_SIZE = 500
/** The highest page number accepted (a bound of the API contract); any page past the last row is simply empty. */
export const MAX_PAGE = 10_000_000
/** The engine reads OFFSET as {offset:UInt32}: a larger offset would wrap round to an early page, so it stops here, past any estate's last row. */
const MAX_ROW_OFFSET = 2 ** 32 - 1

/** `page`: 1 … MAX_PAGE, default 1. */
export const pageNumberSchema = z.coerce.number().int().min(1, 'page starts at 1').max(MAX_PAGE, `page is at most ${MAX_PAGE}`).default(1)
/** A raw row `offset` (lists paged by offset): 0 … the engine's UInt32, beyond which it would wrap round to the first rows. */
export const rowOffsetSchema = z.coerce.number().int().min(0).max(MAX_ROW_OFFSET, `offset is at most ${MAX_ROW_OFFSET}`).default(0)
/** `pageSize`: 1 … MAX_PAGE_SIZE, default 50. */
export const pageSizeSchema = z.coerce.number().int().min(1).max(MAX_PAGE_SIZE, `pageSize is at most ${MAX_PAGE_SIZE}`).default(50)

export function listQuerySchema<const Keys extends readonly [string, ...string[]]>(sortKeys: Keys, defaultSort: Keys[number], defaultDir: 'asc' | 'desc') {
  return z.object({
    sort: z.enum(sortKeys).default(defaultSort as never),
    dir: z.enum(['asc', 'desc']).default(defaultDir),
    page: pageNumberSchema,
    pageSize: pageSizeSchema,
    q: z.string().max(10_000).default(''),
  })
}

export interface ListPage<Row> {
  total: number
  rows: Row[]
}

/** A SQL condition and its parameters; produced only by the QQL compiler or repository code, never from raw input. */
export interface SqlFilter {
  where: string
  params: Record<string, unknown>
}

/**
 * What a list reads, without its page: the FROM clause (with joins), the scoped condition and the ORDER BY (ending in
 * a unique key, so the order is total). The list page and the export stream read the same rows through it.
 */
export interface ListSource {
  from: string
  filter: SqlFilter
  orderBy: string
}

/** LIMIT and OFFSET of a page: a page past the end (even at MAX_PAGE × MAX_PAGE_SIZE) is an empty page, never a wrapped-round one. */
export function pageParams(page: number, pageSize: number) {
  return { limit: pageSize, offset: Math.min((page - 1) * pageSize, MAX_ROW_OFFSET) }
}
