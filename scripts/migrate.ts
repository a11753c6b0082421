// `npm run migrate`: applies pending ClickHouse migrations and says what it did.
import { runMigrations } from '@/clickhouse/migrate'
import { runWithDatabase } from './cli'

await runWithDatabase(async (db) => {
  const report = await runMigrations(db)
  if (report.applied.length === 0) console.log(`Database is up to date (${report.alreadyApplied} migrations applied earlier).`)
  else console.log(`Applied ${report.applied.length} migration(s): ${report.applied.join(', ')}`)
})
