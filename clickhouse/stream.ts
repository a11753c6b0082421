// Streaming reads: a query's result as raw bytes in a text format, chunk by chunk, over chdb or HTTP (pull = backpressure).
import type { ClickHouseClient, ClickHouseSettings } from '@clickhouse/client'
import { withBindLock } from './bind-lock'

/** Row formats a stream can carry. `CSV` and `TabSeparated` have no header (prepend one yourself). */
export const STREAM_FORMATS = ['CSV', 'TabSeparated', 'JSONEachRow', 'JSONCompactEachRow'] as const
export type StreamFormat = (typeof STREAM_FORMATS)[number]

export interface StreamRequest {
  /** A SELECT without a FORMAT clause; user values only as `{name:Type}` placeholders in `params`. */
  query: string
  params?: Record<string, unknown>
  format: StreamFormat
  /** Stops the stream between chunks (the iterator then throws). */
  signal?: AbortSignal
}

/** Part of a result: whole rows in the requested format (over HTTP a chunk may end inside a row) and how many rows end in it. */
export interface ResultChunk {
  bytes: Uint8Array
  rows: number
}

/**
 * A byte stream of the result: the next chunk is fetched from the engine only when the consumer asks for it, so a slow
 * writer holds the engine back instead of buffering the result. Breaking out of the loop cancels the query.
 */
export type ByteStream = AsyncIterable<ResultChunk>

function toSetStatements(settings: ClickHouseSettings): string[] {
  return Object.entries(settings).map(([name, value]) => `SET ${name} = ${typeof value === 'string' ? `'${value}'` : String(value)}`)
}

/**
 * Over the embedded engine: chdb's own `Session.queryStreamBind` on a connection of its own per stream (a chdb
 * connection streams one cursor at a time and should not hold the query pool), values bound by the engine. The bind
 * step runs under the process-wide bind lock; fetching the chunks does not.
 */
export async function* streamEmbedded(clickhouseDir: string, database: string, settings: ClickHouseSettings, request: StreamRequest): ByteStream {
  const { Session } = await import('chdb')
  const session = new Session(clickhouseDir)
  try {
    for (const statement of [`USE ${database}`, ...toSetStatements(settings)]) await session.queryAsync(statement)
    const params = request.params ?? {}
    const options = { format: request.format, signal: request.signal }
    const stream =
      Object.keys(params).length === 0
        ? session.queryStream(request.query, options)
        : await withBindLock(() => session.queryStreamBind(request.query, params, options))
    for await (const chunk of stream) {
      if (chunk.numBytes > 0) yield { bytes: chunk.raw(), rows: chunk.numRows }
    }
  } finally {
    session.close()
  }
}

const NEWLINE = 0x0a
const QUOTE = 0x22

/**
 * Counts the rows ending in `bytes`. Row formats other than CSV escape line breaks inside values, so every LF ends a
 * row; in CSV an LF inside a quoted value does not (`state.quoted` carries the quoting across chunks).
 */
export function countRowEnds(bytes: Uint8Array, format: StreamFormat, state: { quoted: boolean }): number {
  let rows = 0
  if (format !== 'CSV') {
    for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) rows++
    return rows
  }
  let quoted = state.quoted
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]
    if (byte === QUOTE) quoted = !quoted
    else if (byte === NEWLINE && !quoted) rows++
  }
  state.quoted = quoted
  return rows
}

/** Over HTTP: the response body as it arrives (`exec` hands back the raw bytes; the socket's own flow control applies). */
export async function* streamHttp(client: ClickHouseClient, request: StreamRequest): ByteStream {
  const result = await client.exec({
    query: `${request.query}\nFORMAT ${request.format}`,
    query_params: request.params ?? {},
    abort_signal: request.signal,
  })
  const state = { quoted: false }
  for await (const bytes of result.stream as AsyncIterable<Uint8Array>) yield { bytes, rows: countRowEnds(bytes, request.format, state) }
}
