// Reads a list page's URL parameters; a malformed URL falls back to the defaults instead of failing the page.
import type { z } from 'zod'

export function readListInput<Schema extends z.ZodTypeAny>(schema: Schema, searchParams: Record<string, string | string[] | undefined>): z.infer<Schema> {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]))
  const parsed = schema.safeParse(flat)
  return parsed.success ? parsed.data : schema.parse({})
}
