// A streaming ZIP writer (deflate, data descriptors, zip64 once sizes or offsets pass 4 GB) for the XLSX container.
import { once } from 'node:events'
import zlib from 'node:zlib'

const MAX32 = 0xffffffff
const FLAGS = 0x0808 // bit 3: sizes follow the data (data descriptor); bit 11: names are UTF-8
const DEFLATE = 8

interface Entry {
  name: Buffer
  crc: number
  compressed: number
  size: number
  offset: number
}

/** MS-DOS time and date of the local clock now (the ZIP header's own format). */
function dosDateTime(now = new Date()): { time: number; date: number } {
  return {
    time: (now.getHours() << 11) | (now.getMinutes() << 5) | Math.floor(now.getSeconds() / 2),
    date: ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate(),
  }
}

/** An entry being written: text or bytes go in, deflated bytes go out to the archive as the deflater produces them. */
export interface ZipEntryWriter {
  write(chunk: string | Buffer): Promise<void>
  close(): Promise<void>
}

/**
 * Writes entries one after another to `out` (which applies backpressure by returning a promise), then the central
 * directory. Sizes follow each entry's data, so nothing is buffered whole; zip64 records appear only when needed.
 */
export class ZipWriter {
  private offset = 0
  private readonly entries: Entry[] = []
  private readonly stamp = dosDateTime()

  constructor(
    private readonly out: (chunk: Buffer) => Promise<void>,
    private readonly level = 6,
  ) {}

  get bytesWritten(): number {
    return this.offset
  }

  private async emit(chunk: Buffer): Promise<void> {
    this.offset += chunk.length
    await this.out(chunk)
  }

  async add(name: string, content: string): Promise<void> {
    const entry = await this.open(name)
    await entry.write(content)
    await entry.close()
  }

  async open(name: string): Promise<ZipEntryWriter> {
    const entry: Entry = { name: Buffer.from(name, 'utf8'), crc: 0, compressed: 0, size: 0, offset: this.offset }
    const header = Buffer.alloc(30)
    header.writeUInt32LE(0x04034b50, 0)
    header.writeUInt16LE(20, 4)
    header.writeUInt16LE(FLAGS, 6)
    header.writeUInt16LE(DEFLATE, 8)
    header.writeUInt16LE(this.stamp.time, 10)
    header.writeUInt16LE(this.stamp.date, 12)
    header.writeUInt16LE(entry.name.length, 26)
    await this.emit(Buffer.concat([header, entry.name]))

    const deflate = zlib.createDeflateRaw({ level: this.level })
    // The archive takes the deflated bytes as they come; while `out` is full, the deflater's buffers fill and
    // `write` below waits for it, so backpressure reaches whoever feeds the entry.
    const pump = (async () => {
      for await (const piece of deflate as AsyncIterable<Buffer>) {
        entry.compressed += piece.length
        await this.emit(piece)
      }
    })()
    pump.catch(() => deflate.destroy())
    const write = async (chunk: string | Buffer) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
      entry.crc = zlib.crc32(bytes, entry.crc)
      entry.size += bytes.length
      if (!deflate.write(bytes)) await Promise.race([once(deflate, 'drain'), pump])
    }
    const close = async () => {
      deflate.end()
      await pump
      await this.emit(this.descriptor(entry))
      this.entries.push(entry)
    }
    return { write, close }
  }

  private descriptor(entry: Entry): Buffer {
    const zip64 = entry.size > MAX32 || entry.compressed > MAX32
    const record = Buffer.alloc(zip64 ? 24 : 16)
    record.writeUInt32LE(0x08074b50, 0)
    record.writeUInt32LE(entry.crc >>> 0, 4)
    if (zip64) {
      record.writeBigUInt64LE(BigInt(entry.compressed), 8)
      record.writeBigUInt64LE(BigInt(entry.size), 16)
    } else {
      record.writeUInt32LE(entry.compressed, 8)
      record.writeUInt32LE(entry.size, 12)
    }
    return record
  }

  private centralRecord(entry: Entry): Buffer {
    const wide = [entry.size, entry.compressed, entry.offset].filter((value) => value >= MAX32)
    const extra = Buffer.alloc(wide.length > 0 ? 4 + 8 * wide.length : 0)
    if (wide.length > 0) {
      extra.writeUInt16LE(0x0001, 0)
      extra.writeUInt16LE(8 * wide.length, 2)
      wide.forEach((value, index) => extra.writeBigUInt64LE(BigInt(value), 4 + 8 * index))
    }
    const record = Buffer.alloc(46)
    record.writeUInt32LE(0x02014b50, 0)
    record.writeUInt16LE(wide.length > 0 ? 45 : 20, 4)
    record.writeUInt16LE(wide.length > 0 ? 45 : 20, 6)
    record.writeUInt16LE(FLAGS, 8)
    record.writeUInt16LE(DEFLATE, 10)
    record.writeUInt16LE(this.stamp.time, 12)
    record.writeUInt16LE(this.stamp.date, 14)
    record.writeUInt32LE(entry.crc >>> 0, 16)
    record.writeUInt32LE(Math.min(entry.compressed, MAX32), 20)
    record.writeUInt32LE(Math.min(entry.size, MAX32), 24)
    record.writeUInt16LE(entry.name.length, 28)
    record.writeUInt16LE(extra.length, 30)
    record.writeUInt32LE(Math.min(entry.offset, MAX32), 42)
    return Buffer.concat([record, entry.name, extra])
  }

  /** The central directory and its end records (zip64 ones when the directory starts past 4 GB). */
  async finish(): Promise<void> {
    const start = this.offset
    for (const entry of this.entries) await this.emit(this.centralRecord(entry))
    const length = this.offset - start
    const count = this.entries.length
    if (start >= MAX32 || length >= MAX32 || count >= 0xffff) {
      const end64 = Buffer.alloc(56)
      end64.writeUInt32LE(0x06064b50, 0)
      end64.writeBigUInt64LE(44n, 4)
      end64.writeUInt16LE(45, 12)
      end64.writeUInt16LE(45, 14)
      end64.writeBigUInt64LE(BigInt(count), 24)
      end64.writeBigUInt64LE(BigInt(count), 32)
      end64.writeBigUInt64LE(BigInt(length), 40)
      end64.writeBigUInt64LE(BigInt(start), 48)
      const locator = Buffer.alloc(20)
      locator.writeUInt32LE(0x07064b50, 0)
      locator.writeBigUInt64LE(BigInt(this.offset), 8)
      locator.writeUInt32LE(1, 16)
      await this.emit(Buffer.concat([end64, locator]))
    }
    const end = Buffer.alloc(22)
    end.writeUInt32LE(0x06054b50, 0)
    end.writeUInt16LE(Math.min(count, 0xffff), 8)
    end.writeUInt16LE(Math.min(count, 0xffff), 10)
    end.writeUInt32LE(Math.min(length, MAX32), 12)
    end.writeUInt32LE(Math.min(start, MAX32), 16)
    await this.emit(end)
  }
}
