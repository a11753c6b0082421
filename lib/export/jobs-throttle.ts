// A byte-rate cap for background export files (PATCHBOARD_EXPORT_JOB_BYTES_PER_SECOND): a pass-through that holds each
// chunk until the rate allows it, so backpressure slows the engine read and a big export leaves room for everyone's pages.
import fs from 'node:fs'
import { Transform, type Writable } from 'node:stream'
import { finished } from 'node:stream/promises'

/** Where a job writes its file: the file itself, or a throttle in front of it; `close()` ends both and waits for the file. */
export interface JobFileSink {
  sink: Writable
  close(): Promise<void>
}

export function openJobFile(filePath: string, bytesPerSecond: number | null): JobFileSink {
  const file = fs.createWriteStream(filePath)
  if (!bytesPerSecond) {
    return { sink: file, close: () => endAndWait(file, file) }
  }
  const started = Date.now()
  let passed = 0
  const throttle = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      passed += chunk.length
      // The time by which this many bytes may have passed at the cap; the chunk waits until then.
      const due = started + (passed / bytesPerSecond) * 1000
      setTimeout(() => callback(null, chunk), Math.max(0, due - Date.now()))
    },
  })
  throttle.pipe(file)
  return { sink: throttle, close: () => endAndWait(throttle, file) }
}

async function endAndWait(head: Writable, file: fs.WriteStream): Promise<void> {
  if (!head.destroyed && !head.writableEnded) head.end()
  if (head !== file && head.destroyed) file.destroy()
  await finished(file).catch(() => undefined)
}
