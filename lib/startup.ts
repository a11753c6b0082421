// What the server does once when it starts: open the database, apply migrations, create the first Administrator, then
// the caller's first-run steps (instrumentation.ts passes the shipped dashboards, which live in a higher layer).
import { getDatabase, type Database } from '@/clickhouse/client'
import { readDatabaseConfig } from '@/clickhouse/config'
import { runMigrations } from '@/clickhouse/migrate'
import { describeInitialAdmin, ensureInitialAdmin } from '@/lib/auth/bootstrap'

/** A first-run step: idempotent (a restart finds its work done), returns lines worth printing. */
export type StartupStep = (db: Database) => Promise<string[]>

export async function prepareServer(steps: readonly StartupStep[] = []): Promise<void> {
  try {
    const db = await getDatabase()
    await runMigrations(db)
    const admin = await ensureInitialAdmin(db, readDatabaseConfig().dataDir)
    if (admin) console.log(describeInitialAdmin(admin, readDatabaseConfig().dataDir))
    for (const step of steps) for (const line of await step(db)) console.log(line)
  } catch (error) {
    console.error(`patchboard: cannot start: ${(error as Error).message}`)
    process.exit(1)
  }
}
