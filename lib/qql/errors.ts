// Diagnostics returned (never thrown) by the QQL parser, resolver, compiler and migrations.

export interface QqlError {
  message: string
  /** UTF-16 offset where the problem starts in the query text. */
  start: number
  /** UTF-16 offset just past the problem (equal to start for "something is missing here"). */
  end: number
  /** What would have been accepted here, when that is a short list (operators, token names, enum values). */
  expected?: string[]
}

/** Warnings have the same shape: something works but deserves the user's attention (e.g. a deprecated token). */
export type QqlWarning = QqlError

/** `message at <start>[, detail]`, e.g. "expected a value after `vendorSeverity:` at 16, found `)`". */
export function qqlError(message: string, start: number, end: number, expected?: readonly string[], detail?: string): QqlError {
  const error: QqlError = { message: `${message} at ${start}${detail === undefined ? '' : `, ${detail}`}`, start, end }
  if (expected !== undefined && expected.length > 0) error.expected = [...expected]
  return error
}
