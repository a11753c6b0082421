// A streamed file download as an HTTP response: the writer fills a pipe, the client's pace holds it back, audit once written.
import { PassThrough, Readable, type Writable } from 'node:stream'
import { CONTENT_TYPES } from './download'
import type { ExportFormat } from './query'

export interface StreamedDownload {
  format: ExportFormat
  fileName: string
  /** Writes the whole file into `sink` (waiting for 'drain'), stopping when `signal` aborts; does not end the sink. */
  write: (sink: Writable, signal: AbortSignal) => Promise<{ rows: number; bytes: number }>
  /** After the last byte was handed on (the audit entry). */
  onDone: (result: { rows: number; bytes: number }) => Promise<void>
  /** The request's signal: the client hung up. */
  signal: AbortSignal
}

export function streamedDownloadResponse({ format, fileName, write, onDone, signal }: StreamedDownload): Response {
  const body = new PassThrough()
  const stop = new AbortController()
  signal.addEventListener('abort', () => stop.abort(), { once: true })
  write(body, stop.signal)
    .then(async (result) => {
      body.end()
      await onDone(result)
    })
    .catch((error: unknown) => body.destroy(error instanceof Error ? error : new Error(String(error))))
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
    },
  })
}
