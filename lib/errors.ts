// Typed domain errors: lib/ and ingest/ say what went wrong in domain terms; lib/http maps each kind to an HTTP status once.

/** What kind of failure it is, from the caller's point of view (lib/http/errors.ts gives each its HTTP status). */
export type DomainErrorKind =
  | 'invalid' // the input is wrong: 400
  | 'unauthenticated' // no or bad credentials: 401
  | 'forbidden' // known caller, not allowed: 403
  | 'not-found' // nothing there (or nothing the caller may see): 404
  | 'conflict' // the state forbids it (version, duplicate, already done): 409
  | 'too-large' // a body or result beyond a limit: 413
  | 'unsupported-media' // a content type we do not read: 415
  | 'rate-limited' // too many attempts: 429
  | 'unavailable' // a server-side facility is missing or failed (e.g. no Chromium to render a PDF): 503

/** An error with a stable machine code (e.g. `WEAK_PASSWORD`), a message for people, and optional structured details. */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

export const invalid = (code: string, message: string, details?: unknown) => new DomainError('invalid', code, message, details)
export const notFound = (message: string, details?: unknown) => new DomainError('not-found', 'NOT_FOUND', message, details)
export const conflict = (code: string, message: string, details?: unknown) => new DomainError('conflict', code, message, details)
export const forbidden = (message: string, details?: unknown) => new DomainError('forbidden', 'FORBIDDEN', message, details)
