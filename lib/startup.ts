// What the server does once when it starts: open the database, apply migrations, create the first Administrator.
import { getDatabase } from '@/clickhouse/client'
import { readDatabaseConfig } from '@/clickhouse/config'
import { runMigrations } from '@/clickhouse/migrate'
import { describeInitialAdmin, ensureInitialAdmin } from '@/lib/auth/bootstrap'

export async function prepareServer(): Promise<void> {
  try {
    const db = await getDatabase()
    await runMigrations(db)
    const admin = await ensureInitialAdmin(db, readDatabaseConfig().dataDir)
    if (admin) console.log(describeInitialAdmin(admin, readDatabaseConfig().dataDir))
  } catch (error) {
    console.error(`patchboard: cannot start: ${(error as Error).message}`)
    process.exit(1)
  }
}
