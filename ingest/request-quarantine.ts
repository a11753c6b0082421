// The rejected documents of one request on their way to the quarantine: the first ones a row each, the rest as one remainder row.
import type { Database } from '@/clickhouse/client'
import { insertQuarantine, type QuarantineEntry } from '@/lib/repositories/quarantine'
import { DOCUMENT_LIMITS } from './documents'
import type { DocumentIssue } from './schema/issues'

/**
 * Rejected documents one request quarantines a row each. Beyond this they share one remainder row (with their count and
 * their first bytes), so a flood — a body of `1 1 1 …`, random bytes — cannot write unbounded quarantine rows.
 */
export const MAX_QUARANTINED_PER_REQUEST = 1_000
/** How much of the documents beyond the limit the remainder row keeps (one document a line). */
export const REMAINDER_KEPT_BYTES = DOCUMENT_LIMITS.quarantinePrefixBytes
/** Quarantine rows are written in groups of this many (or this many bytes). */
const FLUSH_ROWS = 500
const FLUSH_BYTES = 32 * 1024 * 1024
const NEWLINE = Buffer.from('\n')

/** The rejected documents beyond the limit, kept together in one quarantine row. */
export interface QuarantineRemainder {
  documents: number
  bytes: number
  /** The first bytes of them kept in the row (the rest is counted, not kept). */
  keptBytes: number
  /** Where the first of them starts in the body. */
  line: number
}

interface Remainder extends QuarantineRemainder {
  parts: Buffer[]
  firstIssues: DocumentIssue[]
}

export class RequestQuarantine {
  private pending: QuarantineEntry[] = []
  private pendingBytes = 0
  private individually = 0
  private remainder: Remainder | undefined

  constructor(
    private readonly db: Database,
    private readonly request: Pick<QuarantineEntry, 'ingestId' | 'kind' | 'receivedAt'>,
    private readonly limit = MAX_QUARANTINED_PER_REQUEST,
  ) {}

  async add(line: number, documentId: string | null, body: Buffer, issues: DocumentIssue[], truncated: boolean): Promise<void> {
    if (this.individually < this.limit) {
      this.individually++
      const reason = issues[0]?.message ?? 'rejected'
      this.pending.push({ ...this.request, sequence: this.individually, line, documentId, reason, errors: issues, body, truncated })
      this.pendingBytes += body.length
      if (this.pending.length >= FLUSH_ROWS || this.pendingBytes >= FLUSH_BYTES) await this.flush()
      return
    }
    const remainder = (this.remainder ??= { documents: 0, bytes: 0, keptBytes: 0, line, parts: [], firstIssues: issues })
    remainder.documents++
    remainder.bytes += body.length
    if (remainder.keptBytes < REMAINDER_KEPT_BYTES) {
      // A copy: the document's bytes may be a view into a large chunk of the body.
      const part = Buffer.from(body.subarray(0, REMAINDER_KEPT_BYTES - remainder.keptBytes))
      remainder.parts.push(part, NEWLINE)
      remainder.keptBytes += part.length + 1
    }
  }

  private async flush(): Promise<void> {
    const entries = this.pending
    this.pending = []
    this.pendingBytes = 0
    await insertQuarantine(this.db, entries)
  }

  /** Writes what is pending, the remainder row last; says how many were quarantined a row each and what the remainder holds. */
  async finish(): Promise<{ quarantined: number; remainder: QuarantineRemainder | null }> {
    const remainder = this.remainder
    if (remainder) {
      const reason = `${remainder.documents.toLocaleString('en')} more rejected documents after the first ${this.limit.toLocaleString('en')} of this request, kept together in this one row (${remainder.bytes.toLocaleString('en')} bytes; the first ${remainder.keptBytes.toLocaleString('en')} are kept, one document a line); the first of them: ${remainder.firstIssues[0]?.message ?? 'rejected'}`
      const body = Buffer.concat(remainder.parts)
      this.pending.push({ ...this.request, sequence: this.limit + 1, line: remainder.line, documentId: null, reason, errors: remainder.firstIssues, body, truncated: remainder.keptBytes < remainder.bytes + remainder.documents })
    }
    await this.flush()
    return { quarantined: this.individually, remainder: remainder ? { documents: remainder.documents, bytes: remainder.bytes, keptBytes: remainder.keptBytes, line: remainder.line } : null }
  }
}
