// Benchmark: streaming XLSX writers compared (time, peak RSS, file size) on N rows × 15 typed columns, one process each.
// (@cj-tech-master/excelts 5.1 was measured here too and removed: docs/BENCHMARKS.md has its figures.)
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const WRITERS = ['exceljs', 'patchboard'] as const
type WriterName = (typeof WRITERS)[number]

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, writer: { type: 'string' }, shared: { type: 'boolean', default: false } },
})
const rows = Number(values.rows)

/** One row of 15 columns: 7 strings, 4 numbers, 2 dates, 2 booleans (the shape of a findings export). */
function row(i: number): unknown[] {
  const day = new Date(Date.UTC(2026, 0, 1 + (i % 300), i % 24, i % 60))
  return [
    `asset-${i % 20_000}`, `host-${i % 20_000}.corp.example`, 'Windows Server 2022 Datacenter', `Prod, Site-${i % 7}`,
    `Cumulative Update for Windows KB50${i % 1000}`, i % 4 === 0 ? 'Critical' : 'Important', `KB50${i % 1000}`,
    i % 997, i % 31, (i * 7) % 1000, i % 3, day, new Date(day.getTime() + 86_400_000), i % 2 === 0, i % 5 === 0,
  ]
}

const TYPES = ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'integer', 'integer', 'integer', 'integer', 'date', 'date', 'boolean', 'boolean'] as const
const toSerial = (value: unknown) => (value instanceof Date ? value.getTime() / 86_400_000 + 25_569 : value)

/** lib/export/xlsx.ts: inline strings, streamed ZIP, awaits the file stream's drain. */
async function runPatchboard(file: string): Promise<void> {
  const { XlsxWriter } = await import('@/lib/export/xlsx')
  const { writeChunk } = await import('@/lib/export/sink')
  const sink = fs.createWriteStream(file)
  const writer = new XlsxWriter((chunk) => writeChunk(sink, chunk), TYPES.map((type, c) => ({ header: `Column ${c + 1}`, type, width: 18 })), { sheetName: 'Findings' })
  for (let i = 0; i < rows; i++) await writer.addRows([row(i).map(toSerial) as never])
  await writer.finish()
  await new Promise((resolve) => sink.end(resolve))
}

async function runOne(name: WriterName): Promise<void> {
  const file = path.join(os.tmpdir(), `pb-xlsx-bench-${name}-${process.pid}.xlsx`)
  if (name === 'patchboard') return measure(name, file, () => runPatchboard(file))
  return measure(name, file, () => runExcelJs(file))
}

async function measure(name: WriterName, file: string, work: () => Promise<void>): Promise<void> {
  let peak = 0
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100)
  const started = performance.now()
  await work()
  clearInterval(sampler)
  const seconds = (performance.now() - started) / 1000
  const size = fs.statSync(file).size
  fs.rmSync(file)
  console.log(JSON.stringify({ writer: name, sharedStrings: name === 'patchboard' ? false : values.shared, rows, columns: 15, seconds: +seconds.toFixed(1), rowsPerSecond: Math.round(rows / seconds), peakRssMB: Math.round(peak / 2 ** 20), fileMB: +(size / 2 ** 20).toFixed(1) }))
}

async function runExcelJs(file: string): Promise<void> {
  const { WorkbookWriter } = (await import('exceljs')).default.stream.xlsx
  const workbook = new WorkbookWriter({ filename: file, useSharedStrings: values.shared, useStyles: true })
  const sheet = workbook.addWorksheet('Findings', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = Array.from({ length: 15 }, (_, c) => ({ header: `Column ${c + 1}`, width: 18, style: c === 11 || c === 12 ? { numFmt: 'yyyy-mm-dd hh:mm' } : {} }))
  for (let i = 0; i < rows; i++) {
    sheet.addRow(row(i)).commit()
    // Let the zip and file streams drain now and then (neither writer offers a write promise per row).
    if (i % 10_000 === 0) await new Promise((resolve) => setImmediate(resolve))
  }
  sheet.commit()
  await workbook.commit()
}

if (values.writer) {
  await runOne(values.writer as WriterName)
} else {
  for (const name of WRITERS) {
    const args = ['tsx', 'bench/export-xlsx-writers.ts', '--writer', name, '--rows', String(rows), ...(values.shared ? ['--shared'] : [])]
    const result = spawnSync('npx', args, { stdio: 'inherit' })
    if (result.status !== 0) console.log(JSON.stringify({ writer: name, failed: result.status ?? result.signal }))
  }
}
