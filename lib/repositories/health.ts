// Health facts: which engine, its version, applied migrations and row counts of the core tables.
import type { Database } from '@/clickhouse/client'
import { appliedMigrations } from '@/clickhouse/migrate'

const COUNTED_TABLES = ['assets', 'patches', 'findings', 'finding_events', 'asset_scans', 'users'] as const

export interface HealthReport {
  status: 'ok'
  engine: 'embedded' | 'http'
  clickhouseVersion: string
  database: string
  migrations: { id: number; name: string; appliedAt: string }[]
  rows: Record<(typeof COUNTED_TABLES)[number], number>
}

export async function readHealth(db: Database): Promise<HealthReport> {
  const [[version], migrations, counts] = await Promise.all([
    db.query<{ v: string }>('SELECT version() AS v'),
    appliedMigrations(db),
    db.query<{ table: string; rows: number }>(
      `SELECT 'assets' AS table, toUInt64(count()) AS rows FROM assets FINAL
       UNION ALL SELECT 'patches', count() FROM patches FINAL
       UNION ALL SELECT 'findings', count() FROM findings FINAL WHERE is_deleted = 0
       UNION ALL SELECT 'finding_events', count() FROM finding_events
       UNION ALL SELECT 'asset_scans', count() FROM asset_scans
       UNION ALL SELECT 'users', count() FROM users FINAL WHERE is_deleted = 0`,
    ),
  ])
  const rows = Object.fromEntries(COUNTED_TABLES.map((t) => [t, 0])) as HealthReport['rows']
  for (const row of counts) rows[row.table as keyof HealthReport['rows']] = Number(row.rows)
  return {
    status: 'ok',
    engine: db.config.engine,
    clickhouseVersion: version.v,
    database: db.config.database,
    migrations: migrations.map((m) => ({ id: Number(m.id), name: m.name, appliedAt: m.applied_at })),
    rows,
  }
}
