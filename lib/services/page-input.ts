// Reads a list page's URL parameters; a malformed or out-of-range parameter falls back to its default instead of failing the page.
import type { z } from 'zod'

/** The parsed input; each parameter zod refuses (`page=9007199254740991`, `sort=nope`) is dropped for its default, the others are kept. */
export function readListInput<Schema extends z.ZodTypeAny>(schema: Schema, searchParams: Record<string, string | string[] | undefined>): z.infer<Schema> {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]))
  const parsed = schema.safeParse(flat)
  if (parsed.success) return parsed.data
  const refused = new Set(parsed.error.issues.map((issue) => String(issue.path[0])))
  const kept = schema.safeParse(Object.fromEntries(Object.entries(flat).filter(([key]) => !refused.has(key))))
  return kept.success ? kept.data : schema.parse({})
}
