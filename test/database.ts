// Test helper: a fresh embedded ClickHouse in a temporary data directory, migrated, for one test file.
import fs from 'node:fs'
import path from 'node:path'
import { inject } from 'vitest'
import { closeDatabase, getDatabase, type Database } from '@/clickhouse/client'
import { runMigrations } from '@/clickhouse/migrate'

export async function openTestDatabase(): Promise<{ db: Database; dataDir: string; close: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(inject('testDataRoot'), 'db-'))
  // A copy of the directory test/migrated-template.ts migrated once for the run (its symlinks are relative); the
  // runner below then finds every migration applied with the same checksum, or applies one added since.
  fs.cpSync(inject('migratedTemplate'), dataDir, { recursive: true, verbatimSymlinks: true })
  process.env.PATCHBOARD_DATA_DIR = dataDir
  delete process.env.CLICKHOUSE_URL
  const db = await getDatabase()
  await runMigrations(db)
  return {
    db,
    dataDir,
    close: async () => {
      await closeDatabase()
    },
  }
}
