// Splitting bodies into documents: NDJSON lines, JSON arrays and values, gzip, size limit, line numbers, UTF-8.
import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { BodyError, DOCUMENT_LIMITS, parseDocument, readDocuments, type BodyFormat, type RawDocument } from './documents'

async function* chunked(bytes: Buffer, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

async function split(body: string | Buffer, format: BodyFormat, chunkSize = 7): Promise<RawDocument[]> {
  const docs: RawDocument[] = []
  for await (const doc of readDocuments(chunked(Buffer.from(body), chunkSize), format)) docs.push(doc)
  return docs
}
const texts = (docs: RawDocument[]) => docs.map((doc) => [doc.line, doc.bytes.toString('utf8'), doc.problem])

describe('readDocuments', () => {
  it('splits NDJSON on newlines across chunk borders, skipping blank lines but counting them', async () => {
    expect(texts(await split('{"a":1}\n\n{"b":"x\\ny"}\r\n  \n{"c":3}', 'ndjson'))).toEqual([
      [1, '{"a":1}', undefined],
      [3, '{"b":"x\\ny"}\r', undefined],
      [5, '{"c":3}', undefined],
    ])
  })

  it('reads a pretty-printed document, concatenated documents and a JSON array, with starting lines', async () => {
    expect(texts(await split('{\n  "a": "}"\n}\n{"b": [1, {"c": 2}]}', 'json'))).toEqual([
      [1, '{\n  "a": "}"\n}', undefined],
      [4, '{"b": [1, {"c": 2}]}', undefined],
    ])
    expect(texts(await split('[\n {"a": "\\"]"},\n {"b": 2}\n]', 'json'))).toEqual([
      [2, '{"a": "\\"]"}', undefined],
      [3, '{"b": 2}', undefined],
    ])
    expect(texts(await split('[1, "x", {"a": 1}]', 'json'))).toEqual([
      [1, '1', undefined],
      [1, '"x"', undefined],
      [1, '{"a": 1}', undefined],
    ])
  })

  it('reports an unfinished document and an unclosed array', async () => {
    expect((await split('{"a": [1, 2', 'json'))[0].problem).toMatch(/incomplete/)
    expect((await split('[{"a": 1}, ', 'json')).map((doc) => doc.problem)).toEqual([undefined, expect.stringMatching(/not closed/)])
  })

  it('gunzips by magic number and reports a truncated stream', async () => {
    const gz = zlib.gzipSync('{"a":1}\n{"b":2}\n')
    expect(texts(await split(gz, 'ndjson', 5))).toHaveLength(2)
    await expect(split(gz.subarray(0, gz.length - 6), 'ndjson')).rejects.toThrow(/truncated/)
  })

  it('an empty body is a BodyError', async () => {
    await expect(split('', 'ndjson')).rejects.toBeInstanceOf(BodyError)
    await expect(split('  \n ', 'json')).rejects.toThrow(/The body is empty/)
  })

  it('cuts off a document over the size limit without holding it, and carries on with the next line', async () => {
    const huge = `{"t":"${'x'.repeat(DOCUMENT_LIMITS.maxDocumentBytes)}"}`
    const docs = await split(`${huge}\n{"ok":1}\n`, 'ndjson', 1024 * 1024)
    expect(docs).toHaveLength(2)
    expect(docs[0]).toMatchObject({ line: 1, truncated: true, problem: expect.stringMatching(/larger than the limit of 16 MiB/) })
    expect(docs[0].bytes.length).toBe(DOCUMENT_LIMITS.quarantinePrefixBytes)
    expect(docs[1].bytes.toString()).toBe('{"ok":1}')
  })
})

describe('parseDocument', () => {
  const doc = (text: string | Buffer): RawDocument => ({ line: 1, bytes: Buffer.from(text) })
  it('parses objects and names what is wrong otherwise', () => {
    expect(parseDocument(doc('\uFEFF{"a":1}'))).toEqual({ ok: true, value: { a: 1 } })
    expect(parseDocument(doc('[1]'))).toEqual({ ok: false, message: 'a document must be a JSON object, got an array' })
    expect(parseDocument(doc('{"a":'))).toMatchObject({ ok: false, message: expect.stringMatching(/^invalid JSON/) })
    expect(parseDocument(doc(Buffer.from([0x7b, 0xff, 0x7d])))).toEqual({ ok: false, message: 'document is not valid UTF-8 text' })
  })
})
