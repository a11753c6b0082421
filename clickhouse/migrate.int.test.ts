// Migrations against the embedded engine: applied once, idempotent, and valid cluster DDL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from './client'
import { loadMigrations, runMigrations, toClusterStatements } from './migrate'
import { openTestDatabase } from '@/test/database'

let db: Database
let close: () => Promise<void>

beforeAll(async () => {
  ;({ db, close } = await openTestDatabase())
})
afterAll(async () => close())

describe('migrations', () => {
  it('creates the core tables and records each migration', async () => {
    const tables = await db.query<{ name: string }>('SELECT name FROM system.tables WHERE database = currentDatabase() ORDER BY name')
    const names = tables.map((t) => t.name)
    for (const table of ['assets', 'patches', 'findings', 'finding_events', 'asset_scans', 'users', 'audit_log', 'schema_migrations']) {
      expect(names).toContain(table)
    }
    const recorded = await db.query<{ c: number }>('SELECT count() AS c FROM schema_migrations')
    expect(Number(recorded[0].c)).toBe(loadMigrations().length)
  })

  it('is safe to run again: nothing re-applied, nothing recorded twice', async () => {
    const second = await runMigrations(db)
    expect(second.applied).toEqual([])
    const recorded = await db.query<{ c: number }>('SELECT count() AS c FROM schema_migrations')
    expect(Number(recorded[0].c)).toBe(loadMigrations().length)
  })

  it('emits cluster DDL that ClickHouse parses: Replicated local tables plus Distributed tables', async () => {
    const statements = loadMigrations().flatMap((m) => m.statements.flatMap((s) => toClusterStatements(s, 'pb_cluster', 'patchboard')))
    expect(statements.length).toBeGreaterThan(0)
    for (const statement of statements) {
      const [row] = await db.query<{ formatted: string }>('SELECT formatQuery({sql:String}) AS formatted', { sql: statement })
      expect(row.formatted).toContain('ON CLUSTER pb_cluster')
    }
    expect(statements.some((s) => s.includes('ReplicatedReplacingMergeTree'))).toBe(true)
    expect(statements.some((s) => /ENGINE = Distributed\(pb_cluster, patchboard, findings_local, cityHash64\(asset_id\)\)/.test(s))).toBe(true)
  })
})
