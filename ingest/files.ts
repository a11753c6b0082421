// Input files for the ingest CLI: glob expansion, '-' for stdin, byte counting, and sending a file to a running server.
import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import type { BodyFormat } from './documents'
import type { IngestKind, IngestReport } from './pipeline'

const GLOB_CHARS = /[*?[{]/

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? walk(full) : [full]
  })
}

/** Expands globs (`data/**\/*.ndjson.gz`) relative to the working directory; plain paths and '-' pass through. */
export function expandInputs(patterns: string[]): { files: string[]; unmatched: string[] } {
  const files: string[] = []
  const unmatched: string[] = []
  for (const pattern of patterns) {
    if (pattern === '-' || !GLOB_CHARS.test(pattern)) {
      if (pattern === '-' || fs.existsSync(pattern)) files.push(pattern)
      else unmatched.push(pattern)
      continue
    }
    const segments = pattern.split('/')
    const firstGlob = segments.findIndex((segment) => GLOB_CHARS.test(segment))
    const base = segments.slice(0, firstGlob).join('/') || '.'
    const matches = walk(base)
      .map((file) => (base === '.' ? path.relative('.', file) : file))
      .filter((file) => path.matchesGlob(file, pattern))
      .sort()
    if (matches.length === 0) unmatched.push(pattern)
    files.push(...matches)
  }
  return { files, unmatched }
}

/** NDJSON by extension (.ndjson, .jsonl, also gzipped) or for stdin; JSON otherwise. */
export function fileFormat(file: string): BodyFormat {
  return file === '-' || /\.(ndjson|jsonl)(\.gz)?$/i.test(file) ? 'ndjson' : 'json'
}

/** A file's (or stdin's) bytes, counting them as they are read (for the progress bar). */
export function readInput(file: string, counter: { bytes: number }): AsyncIterable<Uint8Array> {
  const stream = file === '-' ? process.stdin : fs.createReadStream(file, { highWaterMark: 1024 * 1024 })
  return (async function* () {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      counter.bytes += chunk.length
      yield chunk
    }
  })()
}

export function inputSize(file: string): number {
  return file === '-' ? 0 : fs.statSync(file).size
}

/** Posts one input to a running server's agent API and returns its report (any status: the report says what happened). */
export async function sendToServer(url: string, key: string, kind: IngestKind, file: string, counter: { bytes: number }): Promise<{ status: number; report: IngestReport & { error?: { code: string; message: string } } }> {
  const endpoint = new URL(`/api/v1/ingest/${kind}`, url)
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': fileFormat(file) === 'ndjson' ? 'application/x-ndjson' : 'application/json' },
    body: Readable.toWeb(Readable.from(readInput(file, counter))) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit)
  const text = await response.text()
  let report
  try {
    report = JSON.parse(text)
  } catch {
    throw new Error(`${endpoint} answered ${response.status} with something other than JSON: ${text.slice(0, 200)}`)
  }
  if (report.accepted === undefined) {
    // An error before ingest started (no key, revoked key, wrong URL): there is no report, only the error.
    throw new Error(`${endpoint} answered ${response.status}: ${report.error?.message ?? text.slice(0, 200)}`)
  }
  return { status: response.status, report }
}
