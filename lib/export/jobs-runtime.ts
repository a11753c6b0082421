// The server's one export-job runner (on globalThis, like the database): started at server start-up, used by the API.
import { getDatabase, type Database } from '@/clickhouse/client'
import { auditExport } from '@/lib/services/exports-audit'
import { ExportRunner, type ExportRunnerOptions } from './jobs'
import { readExportLimits } from './jobs-config'
import { jobExporter } from './jobs-exporter'

const globalForRunner = globalThis as unknown as { patchboardExportRunner?: ExportRunner }

function createRunner(db: Database, overrides: Partial<ExportRunnerOptions> = {}): ExportRunner {
  return new ExportRunner({
    db,
    dataDir: db.config.dataDir,
    limits: readExportLimits(),
    exporter: jobExporter,
    onDone: (job) =>
      auditExport(db, { id: job.userId, email: job.userEmail }, {
        entity: job.entity,
        format: job.format,
        query: job.query,
        version: job.tokenVersion,
        columns: job.columns,
        rows: job.rowsWritten,
        bytes: job.bytes,
        jobId: job.id,
      }),
    ...overrides,
  })
}

/** The runner of this process; created on first use (a route called before start-up, a test). */
export async function getExportRunner(): Promise<ExportRunner> {
  if (!globalForRunner.patchboardExportRunner) {
    const db = await getDatabase()
    globalForRunner.patchboardExportRunner ??= createRunner(db)
  }
  return globalForRunner.patchboardExportRunner
}

/**
 * Start-up step: fails the jobs a restart interrupted (saying so), expires old files, starts the queue and the expiry
 * timer. `overrides` replace options (tests: a slower exporter, a fake clock).
 */
export async function startExportRunner(db: Database, overrides: Partial<ExportRunnerOptions> = {}): Promise<string[]> {
  await globalForRunner.patchboardExportRunner?.stop()
  const runner = createRunner(db, overrides)
  globalForRunner.patchboardExportRunner = runner
  const { interrupted } = await runner.start()
  return interrupted > 0 ? [`patchboard: ${interrupted} export job(s) interrupted by the restart are marked failed (My exports shows why).`] : []
}

/** Stops the runner (tests, CLI end): aborts running jobs and waits for them. */
export async function stopExportRunner(): Promise<void> {
  const runner = globalForRunner.patchboardExportRunner
  globalForRunner.patchboardExportRunner = undefined
  await runner?.stop()
}
