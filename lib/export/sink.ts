// Writing to a Node Writable with backpressure: wait for 'drain', fail when the reader goes away or an export is cancelled.
import type { Writable } from 'node:stream'

/** Thrown when the sink closed before the export finished (the downloader hung up) or the export was cancelled. */
export class ExportStopped extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'ExportStopped'
  }
}

function drained(sink: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      sink.off('drain', onDrain)
      sink.off('close', onClose)
      sink.off('error', onError)
      if (error) reject(error)
      else resolve()
    }
    const onDrain = () => done()
    const onClose = () => done(new ExportStopped('the download was closed before the export finished'))
    const onError = (error: Error) => done(error)
    sink.on('drain', onDrain)
    sink.on('close', onClose)
    sink.on('error', onError)
  })
}

/** Writes `chunk` and, when the sink's buffer is full, waits until it drains: memory stays bounded by the sink's buffer. */
export async function writeChunk(sink: Writable, chunk: Uint8Array | string, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) throw new ExportStopped('the export was cancelled')
  if (sink.destroyed || sink.writableEnded) throw new ExportStopped('the download was closed before the export finished')
  if (!sink.write(chunk)) await drained(sink)
}
