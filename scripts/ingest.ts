// `npm run ingest -- [--kind scans] [--url URL --key pbk_…] <files or globs…>`: ingest JSON/NDJSON(.gz) files or stdin.
import { Command, Option } from 'commander'
import os from 'node:os'
import { runMigrations } from '@/clickhouse/migrate'
import { expandInputs, fileFormat, inputSize, readInput, sendToServer } from '@/ingest/files'
import { ingestBody, INGEST_KINDS, type IngestKind, type IngestReport } from '@/ingest/pipeline'
import { progressBar, runWithDatabase } from './cli'

const program = new Command('ingest')
  .description('Ingest scan results, catalog entries or job results from JSON, NDJSON or gzip files ("-" reads stdin)')
  .argument('<inputs...>', 'files or globs (e.g. "exports/*.ndjson.gz"), or - for stdin')
  .addOption(new Option('--kind <kind>', 'document kind').choices([...INGEST_KINDS]).default('scans'))
  .option('--url <url>', 'send to a running Patchboard server (e.g. http://localhost:3000) instead of the data directory')
  .option('--key <key>', 'activation key (pbk_…) for --url; also read from PATCHBOARD_ACTIVATION_KEY')
  .parse()
const inputs = program.args
const options = program.opts<{ kind: IngestKind; url?: string; key?: string }>()
const key = options.key ?? process.env.PATCHBOARD_ACTIVATION_KEY

const { files, unmatched } = expandInputs(inputs)
if (unmatched.length > 0) {
  console.error(`patchboard: nothing matches ${unmatched.map((p) => JSON.stringify(p)).join(', ')}`)
  process.exit(1)
}
if (options.url && !key) {
  console.error('patchboard: --url needs an activation key: --key pbk_… (or PATCHBOARD_ACTIVATION_KEY), from Administration → Activation keys.')
  process.exit(1)
}

function printReport(file: string, report: IngestReport & { error?: { message: string } }): void {
  const rate = report.durationMs > 0 ? Math.round(report.findings / (report.durationMs / 1000)) : 0
  console.log(
    `${file}: ${report.accepted} accepted, ${report.rejected} rejected, ${report.duplicates} duplicates, ${report.stale} older than current ` +
      `(history only), ${report.findings.toLocaleString('en')} findings, ${report.unknownFields} unknown fields ignored, ` +
      `${(report.durationMs / 1000).toFixed(1)} s (${rate.toLocaleString('en')} findings/s)`,
  )
  if (report.failure) console.log(`  body error: ${report.failure.message}`)
  for (const error of report.errors) {
    console.log(`  line ${error.line}${error.scanId ? ` (${error.scanId})` : ''}: ${error.path ? `${error.path}: ` : ''}${error.message}`)
  }
  if (report.errorsTotal > report.errors.length) console.log(`  … and ${report.errorsTotal - report.errors.length} more errors (all rejected documents are in the quarantine)`)
}

function startBar(file: string) {
  const bar = progressBar(`Ingesting ${file}`)
  const total = inputSize(file)
  bar.start(total || 1, 0, { unit: 'bytes', detail: '' })
  return { bar, total }
}

let failed = false
const rememberOutcome = (report: IngestReport) => {
  if (report.rejected > 0 || report.failure) failed = true
}

if (options.url) {
  for (const file of files) {
    const counter = { bytes: 0 }
    const { bar, total } = startBar(file)
    const ticker = setInterval(() => bar.update(total ? counter.bytes : 0, { detail: `${(counter.bytes / 2 ** 20).toFixed(1)} MiB sent` }), 250)
    try {
      const { report } = await sendToServer(options.url, key!, options.kind, file, counter)
      bar.update(total || 1, { detail: `${report.accepted + report.duplicates + report.rejected} documents` })
      bar.stop()
      printReport(file, report)
      rememberOutcome(report)
    } catch (error) {
      bar.stop()
      console.error(`patchboard: ${file}: ${(error as Error).message}`)
      failed = true
    } finally {
      clearInterval(ticker)
    }
  }
} else {
  await runWithDatabase(
    async (db) => {
      await runMigrations(db)
      for (const file of files) {
        const counter = { bytes: 0 }
        const { bar, total } = startBar(file)
        const report = await ingestBody(db, readInput(file, counter), {
          kind: options.kind,
          format: fileFormat(file),
          source: 'cli',
          actorId: 'cli',
          actorLabel: `cli (${os.userInfo().username}@${os.hostname()})`,
          fileName: file,
          onProgress: (p) => {
            const rate = p.elapsedMs > 0 ? Math.round(p.findings / (p.elapsedMs / 1000)) : 0
            bar.update(total ? counter.bytes : 0, { detail: `${p.documents} documents, ${p.findings.toLocaleString('en')} findings, ${rate.toLocaleString('en')} findings/s` })
          },
        })
        bar.update(total || 1)
        bar.stop()
        printReport(file, report)
        rememberOutcome(report)
      }
    },
    { busyHint: 'Send the files to the running server instead: npm run ingest -- --url http://localhost:3000 --key pbk_… <files>' },
  )
}
process.exit(failed ? 1 : 0)
