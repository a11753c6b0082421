// Validation messages of the ingest report: zod issues as {path, message}, each naming what was expected and what was received.
import type { z } from 'zod'

export interface DocumentIssue {
  /** Dotted path of the offending field, e.g. `patches.3.status`. */
  path: string
  message: string
}

/** What a sender wrote, in words: `a boolean`, `text`, `a list`, `null`, … (never the value's length or content). */
export function describeReceived(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  switch (typeof value) {
    case 'string':
      return 'text'
    case 'number':
      return Number.isInteger(value) ? 'a number' : 'a fractional number'
    case 'boolean':
      return 'a boolean'
    case 'object':
      return 'an object'
    default:
      return typeof value
  }
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
}

/** A short quotation of a received value for enum mismatches: `"missing"`, or its type when it is not text. */
function quoted(value: unknown): string {
  if (typeof value !== 'string') return describeReceived(value)
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
}

const count = (value: number | bigint) => value.toLocaleString('en')

function sizeMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const tooBig = issue.code === 'too_big'
  if (issue.code !== 'too_big' && issue.code !== 'too_small') return undefined
  const limit = tooBig ? (issue as z.core.$ZodRawIssue<z.core.$ZodIssueTooBig>).maximum : (issue as z.core.$ZodRawIssue<z.core.$ZodIssueTooSmall>).minimum
  const { input, origin } = issue as { input?: unknown; origin?: string }
  if (origin === 'string' && typeof input === 'string') {
    if (!tooBig && Number(limit) === 1) return 'must not be empty'
    return `text is too ${tooBig ? 'long' : 'short'}: ${count(input.length)} characters, at ${tooBig ? 'most' : 'least'} ${count(limit)} allowed`
  }
  if (origin === 'array' && Array.isArray(input)) return `too ${tooBig ? 'many' : 'few'} items: ${count(input.length)}, at ${tooBig ? 'most' : 'least'} ${count(limit)} allowed`
  if (typeof input === 'number') return `expected a number ${tooBig ? 'at most' : 'of at least'} ${count(limit)}, got ${input}`
  return undefined
}

/**
 * The per-parse error map of every ingest document: a missing field says so; a wrong type names what was expected and
 * what was received (`expected text, got a boolean`); limits name the size received. Schema-level messages win.
 */
export const ingestErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    const expected = EXPECTED[issue.expected] ?? issue.expected
    return issue.input === undefined ? `required field is missing (expected ${expected})` : `expected ${expected}, got ${describeReceived(issue.input)}`
  }
  if (issue.code === 'invalid_value') {
    return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(' | ')}, got ${quoted(issue.input)}`
  }
  return sizeMessage(issue)
}

export function documentIssues(error: z.ZodError): DocumentIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
}
