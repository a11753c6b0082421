// Shared CLI plumbing: open the database with a clear message when it is busy or unreachable, progress bars.
import cliProgress from 'cli-progress'
import { closeDatabase, getDatabase, type Database } from '@/clickhouse/client'
import { DatabaseUnavailableError, DataDirectoryBusyError } from '@/clickhouse/errors'
import { DomainError } from '@/lib/errors'

/** Runs a CLI body with the database, exiting non-zero with a one-line reason instead of a stack trace. */
export async function runWithDatabase(body: (db: Database) => Promise<void>, options: { busyHint?: string } = {}): Promise<void> {
  try {
    const db = await getDatabase()
    await body(db)
    await closeDatabase()
  } catch (error) {
    if (error instanceof DataDirectoryBusyError && options.busyHint) {
      console.error(`patchboard: ${error.message}\n${options.busyHint}`)
    } else if (error instanceof DataDirectoryBusyError || error instanceof DatabaseUnavailableError) {
      console.error(`patchboard: ${error.message}`)
    } else if (error instanceof DomainError || (error instanceof Error && /Invalid database configuration/.test(error.message))) {
      console.error(`patchboard: ${error.message}`)
    } else {
      console.error('patchboard: failed:', error)
    }
    process.exit(1)
  }
}

export function progressBar(label: string): cliProgress.SingleBar {
  return new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} {unit} | {detail}`,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    cliProgress.Presets.shades_classic,
  )
}
