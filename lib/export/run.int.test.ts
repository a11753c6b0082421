// Exports against the real engine: the list's rows in CSV and XLSX (read back), inert formulas, round-trips, scope, sheets.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import * as XLSX from '@e965/xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/clickhouse/client'
import { scanDocumentSchema, type ScanDocumentInput } from '@/ingest/schema/scan'
import { writeScans } from '@/ingest/writer'
import type { SessionUser } from '@/lib/auth/user'
import { fetchAssetPage, fetchFindingPage, fetchPatchPage } from '@/lib/services/lists'
import { openTestDatabase } from '@/test/database'
import { countExportRows, runExport, type ExportRequest } from './run'

const PAYLOADS = ['=HYPERLINK("http://evil.example","click")', '@SUM(1)', '+1', '-1+2', '\tTabbed', '\rCarriage']
const TRICKY = 'Ünïcödé 日本 😀 "quoted", comma\nsecond line'

const berlin: SessionUser = { id: 'u1', email: 'reader@example.com', name: 'Reader', role: 'Patch Reader', scope: { all: false, tags: ['Site-Berlin'] }, timeZone: 'Europe/Berlin' }

function scan(id: string, name: string, site: string, patches: { id: string; title: string; status: 'Missing' | 'Installed' }[]): ScanDocumentInput {
  return {
    scannedAt: '2026-11-01T08:00:00Z',
    asset: { id, name, operatingSystem: 'Windows 11', tags: [site] },
    patches: patches.map((patch) => ({ ...patch, vendor: 'Microsoft', vendorSeverity: 'Critical', isSecurity: true })),
  }
}

let db: Database
let close: () => Promise<void>
beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
  const scans = [
    ...PAYLOADS.map((name, i) => scan(`payload-${i}`, name, 'Site-Berlin', [{ id: `p${i}`, title: PAYLOADS[(i + 1) % PAYLOADS.length], status: 'Missing' }])),
    scan('tricky', TRICKY, 'Site-Berlin', [
      { id: 'p-tricky', title: TRICKY, status: 'Installed' },
      { id: 'p0', title: PAYLOADS[1], status: 'Missing' },
    ]),
    scan('london-1', 'LONDON-SECRET', 'Site-London', [{ id: 'p-london', title: 'LONDON-ONLY-PATCH', status: 'Missing' }]),
  ]
  await writeScans(db, scans.map((document) => scanDocumentSchema.parse(document)))
})
afterAll(async () => close())

async function exportBytes(request: Omit<ExportRequest, 'db' | 'user'>, user = berlin): Promise<{ bytes: Buffer; result: Awaited<ReturnType<typeof runExport>> }> {
  const sink = new PassThrough()
  const chunks: Buffer[] = []
  sink.on('data', (chunk: Buffer) => chunks.push(chunk))
  const result = await runExport({ db, user, ...request }, sink)
  sink.end()
  return { bytes: Buffer.concat(chunks), result }
}

/** Every sheet's rows (header first), cells as the file stores them. */
function readBack(bytes: Buffer, type: 'csv' | 'xlsx'): string[][][] {
  const book = type === 'csv' ? XLSX.read(bytes.toString('utf8'), { type: 'string', raw: true }) : XLSX.read(bytes, { cellDates: true })
  return book.SheetNames.map((name) => XLSX.utils.sheet_to_json<string[]>(book.Sheets[name], { header: 1, raw: false, defval: '' }))
}

const FINDING_COLUMNS = ['asset.id', 'asset.name', 'patch.id', 'patch.title', 'status']

describe('an export holds exactly the list rows', () => {
  it('findings, CSV and XLSX: the same rows in the same order as the API list, for the same query, sort and scope', async () => {
    const input = { q: 'status: Missing', v: 2, sort: 'patch', dir: 'desc', page: 1, pageSize: 500 } as const
    const page = await fetchFindingPage(db, berlin, input)
    const expected = page.rows.map((row) => [row.assetId, row.patchId, row.status])
    expect(expected.length).toBeGreaterThan(3)
    for (const format of ['csv', 'xlsx'] as const) {
      const { bytes, result } = await exportBytes({ entity: 'findings', format, query: input.q, columns: FINDING_COLUMNS, sort: { key: 'patch', dir: 'desc' } })
      const [sheet] = readBack(bytes, format)
      expect(sheet[0]).toEqual(['Asset id', 'Asset name', 'Patch id', 'Patch title', 'Status'])
      expect(sheet.slice(1).map((row) => [row[0], row[2], row[4]])).toEqual(expected)
      expect(result.rows).toBe(expected.length)
    }
    expect(await countExportRows({ db, user: berlin, entity: 'findings', query: input.q })).toBe(page.total)
  })

  it('assets and patches: the list rows, in the list default order', async () => {
    const assets = await fetchAssetPage(db, berlin, { q: '', v: 2, sort: 'missing', dir: 'desc', page: 1, pageSize: 500 })
    const [assetSheet] = readBack((await exportBytes({ entity: 'assets', format: 'xlsx', query: '' })).bytes, 'xlsx')
    expect(assetSheet.slice(1).map((row) => row[0])).toEqual(assets.rows.map((row) => row.id))
    const patches = await fetchPatchPage(db, berlin, { q: 'missingCount > 0', v: 2, sort: 'missing', dir: 'desc', page: 1, pageSize: 500 })
    const [patchSheet] = readBack((await exportBytes({ entity: 'patches', format: 'csv', query: 'missingCount > 0', columns: ['id', 'missingCount'] })).bytes, 'csv')
    expect(patchSheet.slice(1).map((row) => [row[0], Number(row[1])])).toEqual(patches.rows.map((row) => [row.id, row.missingCount]))
  })

  it('an out-of-scope asset never appears, in either format, whatever the query', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      for (const query of ['', 'asset.name: LONDON*', 'patch.title: "LONDON-ONLY-PATCH"']) {
        const { bytes, result } = await exportBytes({ entity: 'findings', format, query, columns: FINDING_COLUMNS })
        const text = format === 'csv' ? bytes.toString('utf8') : JSON.stringify(readBack(bytes, 'xlsx'))
        expect(text).not.toContain('LONDON')
        if (query !== '') expect(result.rows).toBe(0)
      }
    }
  })
})

describe('cells', () => {
  it('formula payloads come out inert: a leading apostrophe, the rest as written; XLSX cells are strings, never formulas', async () => {
    const csv = readBack((await exportBytes({ entity: 'assets', format: 'csv', query: 'id: payload*', columns: ['id', 'name'] })).bytes, 'csv')
    const names = (sheet: string[][]) => Object.fromEntries(sheet.slice(1).map((row) => [row[0], row[1]]))
    const xlsxBytes = (await exportBytes({ entity: 'assets', format: 'xlsx', query: '', columns: ['id', 'name'] })).bytes
    for (const [sheetNames, label] of [[names(csv[0]), 'csv'], [names(readBack(xlsxBytes, 'xlsx')[0]), 'xlsx']] as const) {
      PAYLOADS.forEach((payload, i) => expect(sheetNames[`payload-${i}`], `${label} ${JSON.stringify(payload)}`).toBe(`'${payload}`))
    }
    const sheet = XLSX.read(xlsxBytes).Sheets.Assets
    const cells = Object.entries(sheet).filter(([ref]) => !ref.startsWith('!'))
    expect(cells.some(([, cell]) => (cell as XLSX.CellObject).f !== undefined)).toBe(false)
    expect(cells.filter(([ref]) => ref.startsWith('B')).every(([, cell]) => (cell as XLSX.CellObject).t === 's')).toBe(true)
  })

  it('unicode, line breaks, quotes and commas round-trip in CSV and XLSX', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const [sheet] = readBack((await exportBytes({ entity: 'findings', format, query: 'asset.id: tricky', columns: ['asset.name', 'patch.title', 'patch.id'], sort: { key: 'patch', dir: 'asc' } })).bytes, format)
      expect(sheet.slice(1)).toEqual([
        [TRICKY, PAYLOADS[1].replace(/^/, "'"), 'p0'],
        [TRICKY, TRICKY, 'p-tricky'],
      ])
    }
  })

  it('XLSX cells are typed: numbers, booleans and real dates in the user zone, named in the header', async () => {
    const { bytes } = await exportBytes({ entity: 'findings', format: 'xlsx', query: 'asset.id: tricky AND status: Installed', columns: ['patch.id', 'daysMissing', 'patch.isSecurity', 'asset.scanDateTime'] })
    const sheet = XLSX.read(bytes, { cellDates: true }).Sheets.Findings
    expect(sheet.D1.v).toBe('Asset last scan (Europe/Berlin)')
    expect(sheet.B2.t).toBe('n')
    expect(sheet.C2).toMatchObject({ t: 'b', v: true })
    expect(sheet.D2.t).toBe('d')
    // 08:00 UTC on 1 November is 09:00 in Berlin: the cell shows the wall-clock time of the zone in its header.
    expect((sheet.D2.v as Date).toISOString()).toBe('2026-11-01T09:00:00.000Z')
  })

  it('CSV: header once, CRLF rows (RFC 4180), an optional BOM, dates in the zone', async () => {
    const { bytes } = await exportBytes({ entity: 'assets', format: 'csv', query: 'id: payload-0', columns: ['id', 'scanDateTime', 'missingPatchCount'], bom: true })
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(bytes.subarray(3).toString('utf8')).toBe('Asset id,Last scan (Europe/Berlin),Missing patches\r\n"payload-0","2026-11-01 09:00:00",1\r\n')
  })
})

describe('sheets', () => {
  it('past the sheet row limit the rows continue on the next sheet, the header repeated', async () => {
    const all = readBack((await exportBytes({ entity: 'findings', format: 'csv', query: '', columns: FINDING_COLUMNS })).bytes, 'csv')[0]
    const { bytes, result } = await exportBytes({ entity: 'findings', format: 'xlsx', query: '', columns: FINDING_COLUMNS, sheetRowLimit: 3 })
    const sheets = readBack(bytes, 'xlsx')
    expect(result.sheets).toBe(Math.ceil((all.length - 1) / 3))
    expect(XLSX.read(bytes).SheetNames.slice(0, 2)).toEqual(['Findings', 'Findings (2)'])
    for (const sheet of sheets) expect(sheet[0]).toEqual(all[0])
    expect(sheets.flatMap((sheet) => sheet.slice(1))).toEqual(all.slice(1))
    expect(sheets.map((sheet) => sheet.length - 1)).toEqual([...Array(result.sheets - 1).fill(3), (all.length - 1) % 3 || 3])
  })
})

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((candidate) => fs.existsSync(candidate))
if (soffice === undefined) console.warn('LibreOffice test skipped: no soffice (apt-get install libreoffice-calc-nogui)')

describe('LibreOffice', () => {
  it.skipIf(soffice === undefined)('opens the XLSX export with the same rows as the CSV export', async () => {
    const request = { entity: 'findings', query: '', columns: ['asset.id', 'patch.id', 'status', 'patch.title'] } as const
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'patchboard-lo-'))
    try {
      fs.writeFileSync(path.join(dir, 'export.xlsx'), (await exportBytes({ ...request, format: 'xlsx' })).bytes)
      // Filter options: comma separator, double quotes, UTF-8 (76).
      execFileSync(soffice as string, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, path.join(dir, 'export.xlsx')], { timeout: 120_000, stdio: 'ignore' })
      const fromLibreOffice = readBack(fs.readFileSync(path.join(dir, 'export.csv')), 'csv')[0]
      const ours = readBack((await exportBytes({ ...request, format: 'csv' })).bytes, 'csv')[0]
      expect(fromLibreOffice).toEqual(ours)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 180_000)
})
