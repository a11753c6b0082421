// ZIP records past 4 GB: zip64 extra fields and end records appear exactly when a size, an offset or the directory needs them.
import { describe, expect, it } from 'vitest'
import { ZipWriter } from './zip'

interface ZipInternals {
  offset: number
  entries: { name: Buffer; crc: number; compressed: number; size: number; offset: number }[]
  centralRecord(entry: ZipInternals['entries'][number]): Buffer
}

const GB = 2 ** 30

describe('ZipWriter zip64', () => {
  it('an entry past 4 GB gets 0xFFFFFFFF in the central record and its real sizes and offset in a zip64 extra field', () => {
    const zip = new ZipWriter(async () => {}) as unknown as ZipInternals
    const record = zip.centralRecord({ name: Buffer.from('xl/worksheets/sheet1.xml'), crc: 7, compressed: 5 * GB, size: 6 * GB, offset: 4.5 * GB })
    expect([record.readUInt32LE(20), record.readUInt32LE(24), record.readUInt32LE(42)]).toEqual([0xffffffff, 0xffffffff, 0xffffffff])
    const extra = record.subarray(46 + 24)
    expect([extra.readUInt16LE(0), extra.readUInt16LE(2)]).toEqual([1, 24])
    expect([extra.readBigUInt64LE(4), extra.readBigUInt64LE(12), extra.readBigUInt64LE(20)].map(Number)).toEqual([6 * GB, 5 * GB, 4.5 * GB])
    const small = zip.centralRecord({ name: Buffer.from('a'), crc: 7, compressed: 10, size: 20, offset: 30 })
    expect(small.readUInt16LE(30)).toBe(0) // no extra field below 4 GB
  })

  it('a central directory starting past 4 GB is found through the zip64 end record and locator', async () => {
    const written: Buffer[] = []
    const zip = new ZipWriter(async (chunk) => void written.push(chunk))
    await zip.add('a.txt', 'hello')
    ;(zip as unknown as ZipInternals).offset = 5 * GB
    await zip.finish()
    const tail = Buffer.concat(written.slice(-2))
    expect(tail.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBeGreaterThanOrEqual(0)
    expect(tail.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x07]))).toBeGreaterThanOrEqual(0)
    expect(tail.readUInt32LE(tail.length - 6)).toBe(0xffffffff) // the classic end record points to the zip64 one
  })
})
