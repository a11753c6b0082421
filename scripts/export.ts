// `npm run export -- --entity findings --format xlsx --q "…" --columns a,b --out file.xlsx [--url URL --token pbt_…]`:
// a list's rows to CSV or XLSX with a progress bar — through a running server's export jobs, or from the data directory.
import { Command, Option } from 'commander'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { runMigrations } from '@/clickhouse/migrate'
import type { SessionUser } from '@/lib/auth/user'
import { EXPORT_ENTITIES, resolveColumns, type ExportEntity } from '@/lib/export/columns'
import { limitReason } from '@/lib/export/jobs'
import { readExportLimits } from '@/lib/export/jobs-config'
import { countExportRows, runExport } from '@/lib/export/run'
import { CURRENT_TOKEN_VERSION } from '@/lib/qql'
import type { ExportJobView } from '@/lib/services/exports'
import { auditExport } from '@/lib/services/exports-audit'
import { requireSearch } from '@/lib/services/search'
import { progressBar, runWithDatabase } from './cli'

interface Options {
  entity: ExportEntity
  format?: 'csv' | 'xlsx'
  q: string
  v: string
  columns?: string
  sort?: string
  dir?: 'asc' | 'desc'
  bom?: boolean
  out: string
  url?: string
  token?: string
  timeZone: string
}

const program = new Command('export')
  .description('Export assets, patches or findings matching a QQL query to CSV or XLSX')
  .addOption(new Option('--entity <entity>', 'the list to export').choices([...EXPORT_ENTITIES]).makeOptionMandatory())
  .addOption(new Option('--format <format>', 'file format (default: from the --out extension)').choices(['csv', 'xlsx']))
  .option('--q <query>', 'QQL query (as in the list search box)', '')
  .option('--v <version>', 'token version of the query', String(CURRENT_TOKEN_VERSION))
  .option('--columns <ids>', 'comma-separated column ids (default: the list\'s default columns)')
  .option('--sort <key>', 'sort key of the list (default: the list\'s order)')
  .addOption(new Option('--dir <dir>', 'sort direction').choices(['asc', 'desc']))
  .option('--bom', 'CSV: start with a UTF-8 byte order mark (for Excel)')
  .requiredOption('--out <file>', 'where to write the file')
  .option('--url <url>', 'export through a running Patchboard server (e.g. http://localhost:3000) instead of the data directory')
  .option('--token <token>', 'personal API token (pbt_…) for --url; also read from PATCHBOARD_API_TOKEN')
  .option('--time-zone <zone>', 'time zone of dates in the file when exporting from the data directory', 'UTC')
  .parse()
const options = program.opts<Options>()
const format = options.format ?? (options.out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv')
const token = options.token ?? process.env.PATCHBOARD_API_TOKEN
const columns = options.columns ? options.columns.split(',').map((id) => id.trim()).filter(Boolean) : []
const version = Number(options.v)
const count = (n: number) => n.toLocaleString('en')

function fail(message: string): never {
  console.error(`patchboard: ${message}`)
  process.exit(1)
}

if (options.url && !token) fail('--url needs a personal API token: --token pbt_… (or PATCHBOARD_API_TOKEN), from Account → API tokens.')

/** Through the server: start a job, follow it with the bar, download the file. */
async function exportThroughServer(baseUrl: string): Promise<void> {
  const call = async <T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> => {
    let response: Response
    try {
      response = await fetch(new URL(route, baseUrl), {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    } catch (error) {
      fail(`cannot reach ${baseUrl}: ${(error as Error).message}`)
    }
    const payload = (await response.json().catch(() => null)) as { error?: { message?: string } } | null
    if (!response.ok) fail(payload?.error?.message ?? `the server answered ${response.status}`)
    return payload as T
  }
  let job = await call<ExportJobView>('POST', '/api/v1/exports', {
    entity: options.entity, format, q: options.q, v: version, columns, sort: options.sort ?? null, dir: options.dir ?? null, bom: Boolean(options.bom),
  })
  const bar = progressBar(`Exporting ${options.entity}`)
  bar.start(Math.max(job.rowsTotal, 1), 0, { unit: 'rows', detail: 'queued' })
  while (job.status === 'queued' || job.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 500))
    job = await call<ExportJobView>('GET', `/api/v1/exports/${job.id}`)
    bar.setTotal(Math.max(job.rowsTotal, 1))
    bar.update(job.rowsWritten, { detail: job.status === 'queued' ? 'queued (two exports per user run at a time)' : job.etaSeconds === null ? '' : `about ${job.etaSeconds} s left` })
  }
  bar.update(job.rowsWritten, { detail: job.status })
  bar.stop()
  if (job.status !== 'done') fail(`the export ${job.status}: ${job.error}`)
  const response = await fetch(new URL(job.downloadUrl!, baseUrl), { headers: { authorization: `Bearer ${token}` } })
  if (!response.ok || !response.body) fail(`the download failed (${response.status})`)
  await pipeline(Readable.fromWeb(response.body as WebReadableStream), fs.createWriteStream(options.out))
  console.log(`${options.out}: ${count(job.rowsWritten)} rows, ${format.toUpperCase()}, ${count(job.bytes)} bytes${job.sheets > 1 ? `, ${job.sheets} sheets` : ''}`)
}

/** From the data directory (no server holds it): the export runs here, as an Administrator-scoped CLI user. */
async function exportFromDataDirectory(): Promise<void> {
  await runWithDatabase(
    async (db) => {
      await runMigrations(db)
      const user: SessionUser = { id: 'cli', email: `cli (${os.userInfo().username}@${os.hostname()})`, name: 'CLI', role: 'Administrator', scope: { all: true, tags: [] }, timeZone: options.timeZone }
      requireSearch(options.entity, options.q, user, version)
      const chosen = resolveColumns(options.entity, columns).map((column) => column.id)
      const total = await countExportRows({ db, user, entity: options.entity, query: options.q, version })
      const { maxRows } = readExportLimits()
      if (total > maxRows) fail(limitReason(total, maxRows))
      const bar = progressBar(`Exporting ${options.entity}`)
      bar.start(Math.max(total, 1), 0, { unit: 'rows', detail: '' })
      const partPath = `${options.out}.part`
      const sink = fs.createWriteStream(partPath)
      const started = Date.now()
      try {
        const sort = options.sort ? { key: options.sort, dir: options.dir ?? 'asc' } : undefined
        const result = await runExport({ db, user, entity: options.entity, format, query: options.q, version, columns: chosen, sort, bom: Boolean(options.bom) }, sink, (rows, all) => {
          bar.setTotal(Math.max(all, 1))
          bar.update(rows, { detail: `${count(Math.round(rows / Math.max((Date.now() - started) / 1000, 0.001)))} rows/s` })
        })
        await new Promise<void>((resolve, reject) => sink.end((error?: Error | null) => (error ? reject(error) : resolve())))
        fs.renameSync(partPath, options.out)
        bar.update(result.rows)
        bar.stop()
        const bytes = fs.statSync(options.out).size
        await auditExport(db, user, { entity: options.entity, format, query: options.q, version, columns: chosen, rows: result.rows, bytes })
        console.log(`${options.out}: ${count(result.rows)} rows, ${format.toUpperCase()}, ${count(bytes)} bytes${result.sheets > 1 ? `, ${result.sheets} sheets` : ''}`)
      } catch (error) {
        bar.stop()
        sink.destroy()
        fs.rmSync(partPath, { force: true })
        throw error
      }
    },
    { busyHint: `Export through the running server instead: npm run export -- --url http://localhost:3000 --token pbt_… --entity ${options.entity} --out ${path.basename(options.out)}` },
  )
}

if (options.url) await exportThroughServer(options.url)
else await exportFromDataDirectory()
process.exit(0)
