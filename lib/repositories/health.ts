// Health facts: which engine, its version, applied migrations, row counts of the core tables, ingest lag and quarantine size.
import type { Database } from '@/clickhouse/client'
import { appliedMigrations } from '@/clickhouse/migrate'
import { newestScanTime } from './ingest-history'
import { countQuarantine } from './quarantine'

const COUNTED_TABLES = ['assets', 'patches', 'findings', 'finding_events', 'asset_scans', 'users'] as const

export interface HealthReport {
  status: 'ok'
  engine: 'embedded' | 'http'
  clickhouseVersion: string
  database: string
  migrations: { id: number; name: string; appliedAt: string }[]
  rows: Record<(typeof COUNTED_TABLES)[number], number>
  /** Newest scannedAt received and how far it lags behind now (null before the first scan); rejected documents kept. */
  ingest: { newestScanAt: string | null; lagSeconds: number | null; quarantined: number }
}

export async function readHealth(db: Database): Promise<HealthReport> {
  const [[version], migrations, counts, newestScanAt, quarantined] = await Promise.all([
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
    newestScanTime(db),
    countQuarantine(db),
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
    ingest: {
      newestScanAt,
      lagSeconds: newestScanAt ? Math.max(0, Math.round((Date.now() - Date.parse(newestScanAt)) / 1000)) : null,
      quarantined,
    },
  }
}
