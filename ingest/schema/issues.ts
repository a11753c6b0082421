// Validation messages of the ingest report: zod issues as {path, message}, with missing fields named plainly.
import type { z } from 'zod'

export interface DocumentIssue {
  /** Dotted path of the offending field, e.g. `patches.3.status`. */
  path: string
  message: string
}

/** Per-parse error map: a missing field says so instead of "expected string, received undefined". */
export const ingestErrorMap: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? `required field is missing (expected ${issue.expected})` : undefined

export function documentIssues(error: z.ZodError): DocumentIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
}
