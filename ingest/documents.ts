// Splits a streamed upload into documents: NDJSON lines, elements of a JSON array, or concatenated JSON values; gzip-aware.
import { isUtf8 } from 'node:buffer'
import { Readable } from 'node:stream'
import zlib from 'node:zlib'

export const DOCUMENT_LIMITS = {
  /** A larger document is rejected (and quarantined truncated) without being held in memory whole. */
  maxDocumentBytes: 16 * 1024 * 1024,
  /** How much of an oversized or unfinished document the quarantine keeps. */
  quarantinePrefixBytes: 64 * 1024,
} as const

export type BodyFormat = 'ndjson' | 'json'

/** One document as it arrived: its bytes (or their first part when too large) and the line it starts on. */
export interface RawDocument {
  line: number
  bytes: Buffer
  /** Why it cannot even be parsed (too large, unfinished); undefined for a complete document. */
  problem?: string
  /** The bytes are only the start of the document. */
  truncated?: boolean
}

/** The body is unreadable as a whole (broken gzip, nothing in it): a request-level error. */
export class BodyError extends Error {
  constructor(
    readonly code: 'EMPTY_BODY' | 'BAD_GZIP' | 'BODY_READ_FAILED',
    message: string,
  ) {
    super(message)
  }
}

const GZIP_MAGIC = [0x1f, 0x8b]

/** Yields the body's bytes, gunzipped when they start with the gzip magic number (whatever the headers say). */
export async function* decodedBody(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  const iterator = chunks[Symbol.asyncIterator]()
  let head = Buffer.alloc(0)
  // Enough bytes to see the magic number.
  while (head.length < 2) {
    const next = await iterator.next()
    if (next.done) break
    head = Buffer.concat([head, Buffer.from(next.value)])
  }
  const rest = (async function* () {
    if (head.length > 0) yield head
    for (;;) {
      const next = await iterator.next()
      if (next.done) return
      yield Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength)
    }
  })()
  if (head.length < 2 || head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) {
    yield* rest
    return
  }
  const gunzip = zlib.createGunzip()
  const source = Readable.from(rest)
  source.on('error', (error) => gunzip.destroy(error))
  source.pipe(gunzip)
  try {
    for await (const chunk of gunzip) yield chunk as Buffer
  } catch (error) {
    const reason = (error as { code?: string }).code === 'Z_BUF_ERROR' || /unexpected end/i.test((error as Error).message)
      ? 'the gzip stream is truncated (it ends before its end marker)'
      : `the gzip stream is corrupt (${(error as Error).message})`
    throw new BodyError('BAD_GZIP', `Cannot decompress the body: ${reason}.`)
  }
}

const NEWLINE = 0x0a
const isBlank = (bytes: Buffer) => {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0a) return false
  }
  return true
}

/** NDJSON: one document a line; a line too long is cut off and reported, not buffered. */
async function* ndjsonDocuments(chunks: AsyncIterable<Buffer>): AsyncGenerator<RawDocument> {
  let pending: Buffer[] = []
  let pendingBytes = 0
  let oversized = false
  let line = 1
  const finish = (): RawDocument | null => {
    const bytes = pending.length === 1 ? pending[0] : Buffer.concat(pending)
    const documentLine = line++
    const wasOversized = oversized
    pending = []
    pendingBytes = 0
    oversized = false
    if (wasOversized) {
      return { line: documentLine, bytes, truncated: true, problem: `document is larger than the limit of ${DOCUMENT_LIMITS.maxDocumentBytes / 2 ** 20} MiB` }
    }
    return isBlank(bytes) ? null : { line: documentLine, bytes }
  }
  const keep = (part: Buffer) => {
    if (oversized || part.length === 0) return
    if (pendingBytes + part.length > DOCUMENT_LIMITS.maxDocumentBytes) {
      oversized = true
      pending = [Buffer.from(Buffer.concat([...pending, part]).subarray(0, DOCUMENT_LIMITS.quarantinePrefixBytes))]
      pendingBytes = pending[0].length
      return
    }
    pending.push(part)
    pendingBytes += part.length
  }
  for await (const chunk of chunks) {
    let start = 0
    for (let end = chunk.indexOf(NEWLINE, start); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      keep(chunk.subarray(start, end))
      start = end + 1
      const doc = finish()
      if (doc) yield doc
    }
    keep(chunk.subarray(start))
  }
  if (pendingBytes > 0) {
    const doc = finish()
    if (doc) yield doc
  }
}

const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c

/**
 * JSON: a single document, concatenated documents, or one top-level array of documents. A byte scanner finds
 * where each value ends (tracking strings and nesting), so neither the array nor the body is held whole.
 */
async function* jsonDocuments(chunks: AsyncIterable<Buffer>): AsyncGenerator<RawDocument> {
  let inArray: boolean | undefined
  let depth = 0
  let inString = false
  let escaped = false
  let line = 1
  let docLine = 0
  let parts: Buffer[] = []
  let size = 0
  let oversized = false
  let arrayClosed = false
  const append = (part: Buffer) => {
    if (oversized || part.length === 0) return
    if (size + part.length > DOCUMENT_LIMITS.maxDocumentBytes) {
      oversized = true
      parts = [Buffer.from(Buffer.concat([...parts, part]).subarray(0, DOCUMENT_LIMITS.quarantinePrefixBytes))]
      return
    }
    parts.push(part)
    size += part.length
  }
  const take = (problem?: string): RawDocument => {
    const doc: RawDocument = { line: docLine, bytes: Buffer.concat(parts) }
    if (oversized) {
      doc.truncated = true
      doc.problem = `document is larger than the limit of ${DOCUMENT_LIMITS.maxDocumentBytes / 2 ** 20} MiB`
    } else if (problem) {
      doc.truncated = true
      doc.problem = problem
    }
    parts = []
    size = 0
    oversized = false
    docLine = 0
    return doc
  }
  let compound = false
  for await (const chunk of chunks) {
    let start = docLine > 0 ? 0 : -1
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]
      if (b === NEWLINE) line++
      if (docLine > 0) {
        if (inString) {
          if (escaped) escaped = false
          else if (b === BACKSLASH) escaped = true
          else if (b === QUOTE) inString = false
          continue
        }
        if (b === QUOTE) {
          inString = true
          continue
        }
        if (compound) {
          if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++
          else if ((b === CLOSE_BRACE || b === CLOSE_BRACKET) && --depth === 0) {
            append(chunk.subarray(start, i + 1))
            yield take()
            start = -1
          }
          continue
        }
        // A top-level scalar (never a valid document) runs to the next separator; the parser reports it.
        if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== NEWLINE && b !== COMMA && b !== CLOSE_BRACKET) continue
        append(chunk.subarray(start, i))
        yield take()
        start = -1
      }
      if (b === 0x20 || b === 0x09 || b === 0x0d || b === NEWLINE) continue
      if (inArray === undefined) {
        inArray = b === OPEN_BRACKET
        if (inArray) continue
      }
      if (inArray && (b === COMMA || b === CLOSE_BRACKET)) {
        if (b === CLOSE_BRACKET) arrayClosed = true
        continue
      }
      // A value starts here.
      docLine = line
      start = i
      compound = b === OPEN_BRACE || b === OPEN_BRACKET
      depth = compound ? 1 : 0
      inString = b === QUOTE
      escaped = false
    }
    if (docLine > 0 && start >= 0) append(chunk.subarray(start))
  }
  if (docLine > 0) yield take(depth > 0 || inString ? 'document is incomplete: the body ended inside it' : undefined)
  else if (inArray && !arrayClosed) {
    docLine = line
    yield take('the JSON array is not closed: the body ended before its closing ]')
  }
}

/**
 * The documents of a body. `format` 'ndjson' splits on newlines; 'json' accepts a single document, an array
 * of documents, or documents one after another. An empty body is a BodyError.
 */
export async function* readDocuments(chunks: AsyncIterable<Uint8Array>, format: BodyFormat, counter?: { bytes: number }): AsyncGenerator<RawDocument> {
  let any = false
  const counted = (async function* () {
    for await (const chunk of decodedBody(chunks)) {
      if (counter) counter.bytes += chunk.length
      yield chunk
    }
  })()
  for await (const doc of format === 'ndjson' ? ndjsonDocuments(counted) : jsonDocuments(counted)) {
    any = true
    yield doc
  }
  if (!any) throw new BodyError('EMPTY_BODY', 'The body is empty: send one JSON document, a JSON array of documents, or NDJSON (one document a line).')
}

export type ParsedDocument = { ok: true; value: unknown } | { ok: false; message: string }

/** UTF-8 check, then JSON.parse; the messages say what is wrong with this document. */
export function parseDocument(doc: RawDocument): ParsedDocument {
  if (doc.problem) return { ok: false, message: doc.problem }
  let bytes = doc.bytes
  if (!isUtf8(bytes)) return { ok: false, message: 'document is not valid UTF-8 text' }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3)
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'))
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { ok: false, message: `a document must be a JSON object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}` }
    }
    return { ok: true, value }
  } catch (error) {
    return { ok: false, message: `invalid JSON: ${(error as Error).message}` }
  }
}
