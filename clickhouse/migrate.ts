// Applies the numbered SQL migrations in order, once each, recording them in schema_migrations.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Database } from './client'

export const MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), 'clickhouse', 'migrations')

export interface Migration {
  id: number
  name: string
  checksum: string
  statements: string[]
}

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations /* shard_key: id */ (
  id UInt32,
  name String,
  checksum String,
  applied_at DateTime64(3, 'UTC')
) ENGINE = MergeTree
ORDER BY id`

/** Splits a migration file into statements: `;` at a line end ends one; `--` comment lines are dropped. */
export function splitStatements(sql: string): string[] {
  const withoutComments = sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
  return withoutComments
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0)
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = fs
    .readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
  return files.map((file) => {
    const text = fs.readFileSync(path.join(/*turbopackIgnore: true*/ dir, file), 'utf8')
    return {
      id: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ''),
      checksum: crypto.createHash('sha256').update(text).digest('hex'),
      statements: splitStatements(text),
    }
  })
}

const CREATE_TABLE = /^CREATE TABLE IF NOT EXISTS (\w+)\s*(?:\/\*\s*shard_key:\s*(.+?)\s*\*\/)?\s*\(([\s\S]*)\)\s*ENGINE\s*=\s*(\w*MergeTree)(?:\(([^)]*)\))?([\s\S]*)$/
const ALTER_TABLE = /^ALTER TABLE (\w+)\s+([\s\S]*)$/

/**
 * Rewrites one single-node statement for a cluster: a Replicated*MergeTree table `<name>_local` on every
 * node plus a Distributed table `<name>` over it, so the rest of the code keeps using the plain name.
 */
export function toClusterStatements(statement: string, cluster: string, database: string): string[] {
  const create = CREATE_TABLE.exec(statement)
  if (create) {
    const [, table, shardKey = 'rand()', columns, engine, engineArgs = '', rest] = create
    const local = `${table}_local`
    const replicatedArgs = [`'/clickhouse/tables/{shard}/${database}/${local}'`, `'{replica}'`, ...(engineArgs.trim() ? [engineArgs.trim()] : [])]
    return [
      `CREATE TABLE IF NOT EXISTS ${local} ON CLUSTER ${cluster} (${columns}) ENGINE = Replicated${engine}(${replicatedArgs.join(', ')})${rest}`,
      `CREATE TABLE IF NOT EXISTS ${table} ON CLUSTER ${cluster} AS ${local} ENGINE = Distributed(${cluster}, ${database}, ${local}, ${shardKey})`,
    ]
  }
  const alter = ALTER_TABLE.exec(statement)
  if (alter) {
    const [, table, change] = alter
    return [`ALTER TABLE ${table}_local ON CLUSTER ${cluster} ${change}`, `ALTER TABLE ${table} ON CLUSTER ${cluster} ${change}`]
  }
  throw new Error(`Migration statement cannot be rewritten for a cluster: ${statement.slice(0, 80)}…`)
}

/** Removes the shard-key annotations so single-node DDL is plain ClickHouse. */
function toSingleNodeStatement(statement: string): string {
  return statement.replace(/\/\*\s*shard_key:[^*]*\*\//, '')
}

function statementsFor(statement: string, db: Database): string[] {
  const cluster = db.config.cluster
  return cluster ? toClusterStatements(statement, cluster, db.config.database) : [toSingleNodeStatement(statement)]
}

export interface MigrationReport {
  applied: string[]
  alreadyApplied: number
}

/** Safe to run any number of times: applied migrations are skipped, every statement is IF NOT EXISTS. */
export async function runMigrations(db: Database, migrations = loadMigrations()): Promise<MigrationReport> {
  for (const sql of statementsFor(MIGRATIONS_TABLE, db)) await db.command(sql)
  const done = await db.query<{ id: number }>('SELECT id FROM schema_migrations')
  const doneIds = new Set(done.map((row) => Number(row.id)))
  const applied: string[] = []
  for (const migration of migrations) {
    if (doneIds.has(migration.id)) continue
    for (const statement of migration.statements) {
      for (const sql of statementsFor(statement, db)) await db.command(sql)
    }
    await db.insert('schema_migrations', [
      { id: migration.id, name: migration.name, checksum: migration.checksum, applied_at: new Date().toISOString() },
    ])
    applied.push(migration.name)
  }
  return { applied, alreadyApplied: doneIds.size }
}

export async function appliedMigrations(db: Database): Promise<{ id: number; name: string; applied_at: string }[]> {
  return db.query('SELECT id, name, applied_at FROM schema_migrations ORDER BY id')
}
