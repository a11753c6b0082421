// Paging and sorting input shared by every list (validated at the API boundary, whitelisted sort keys).
import { z } from 'zod'

export const MAX_PAGE_SIZE = 500

export function listQuerySchema<const Keys extends readonly [string, ...string[]]>(sortKeys: Keys, defaultSort: Keys[number], defaultDir: 'asc' | 'desc') {
  return z.object({
    sort: z.enum(sortKeys).default(defaultSort as never),
    dir: z.enum(['asc', 'desc']).default(defaultDir),
    page: z.coerce.number().int().min(1, 'page starts at 1').default(1),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE, `pageSize is at most ${MAX_PAGE_SIZE}`).default(50),
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

export function pageParams(page: number, pageSize: number) {
  return { limit: pageSize, offset: (page - 1) * pageSize }
}
