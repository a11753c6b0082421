// The one database handle: a small pool of @clickhouse/client clients over the embedded engine (chdb) or HTTP.
import crypto from 'node:crypto'
import fs from 'node:fs'
import { Readable } from 'node:stream'
import { ClickHouseLogLevel, createClient, type ClickHouseClient, type ClickHouseSettings } from '@clickhouse/client'
import { readDatabaseConfig, type DatabaseConfig } from './config'
import { withBindLock } from './bind-lock'
import { DatabaseUnavailableError, DataDirectoryBusyError, isDataDirectoryLockError } from './errors'
import { streamEmbedded, streamHttp, type ByteStream, type StreamRequest } from './stream'

/**
 * Settings pinned client-wide so both transports return the same JSON types: 64-bit integers as numbers,
 * DateTime64 as ISO-8601 UTC text. (Per-query settings leak into later queries on a chdb connection.)
 */
export const PINNED_SETTINGS: ClickHouseSettings = {
  output_format_json_quote_64bit_integers: 0,
  output_format_json_quote_decimals: 0,
  date_time_output_format: 'iso',
  date_time_input_format: 'best_effort',
  input_format_skip_unknown_fields: 1,
}

/** One chdb connection runs one query at a time; a few share the same directory and run in parallel. */
const EMBEDDED_POOL_SIZE = 3

export type QueryParams = Record<string, unknown>

export interface Database {
  readonly config: DatabaseConfig
  /** Runs a SELECT and returns its rows (JSONEachRow). */
  query<Row>(sql: string, params?: QueryParams): Promise<Row[]>
  /** Runs DDL or any statement without a result. */
  command(sql: string, params?: QueryParams): Promise<void>
  /** Inserts plain objects (JSONEachRow). */
  insert(table: string, rows: readonly object[]): Promise<void>
  /**
   * Loads TabSeparated bytes into temporary tables (columns as in each `structure`, e.g. `a String, b UInt8`) and runs
   * each statement over them, in order, with `{name}` standing for a staged table (e.g. `INSERT INTO t SELECT a FROM
   * {rows}`). The tables live in one session (embedded: the bytes are handed to the engine zero-copy; HTTP: a session
   * of this call), are parsed once by the engine, and are dropped afterwards. Values travel as data only.
   */
  insertStaged(tables: readonly StagedTable[], statements: readonly string[]): Promise<void>
  /**
   * Streams a SELECT's result as raw bytes in a text format (`CSV`, `TabSeparated`, `JSONEachRow`, …), fetched chunk by
   * chunk as the consumer pulls: constant memory whatever the result's size. See `./stream`.
   */
  streamQuery(request: StreamRequest): ByteStream
  close(): Promise<void>
}

export interface StagedTable {
  /** The statements' placeholder: `{name}`. */
  name: string
  structure: string
  data: Buffer
}

/** The chdb connection's raw passthrough insert (bytes handed to the engine without a JS string). */
interface ChdbRawInsert {
  rawInsert(params: { table: string; values: Buffer; format: 'TabSeparated' }): Promise<unknown>
}

interface PooledClient {
  client: ClickHouseClient
  inFlight: number
  chdb?: ChdbRawInsert
}

/** Opens a stream on the transport's own streaming path. */
type Streamer = (request: StreamRequest) => ByteStream

/** Over the embedded engine every bound call takes the process-wide bind lock (see `./bind-lock`). */
function bound<T>(slot: PooledClient, params: QueryParams, work: () => Promise<T>): Promise<T> {
  return slot.chdb && Object.keys(params).length > 0 ? withBindLock(work) : work()
}

class PooledDatabase implements Database {
  constructor(
    readonly config: DatabaseConfig,
    private readonly pool: PooledClient[],
    private readonly streamer: Streamer,
  ) {}

  private async withClient<T>(work: (client: ClickHouseClient, slot: PooledClient) => Promise<T>): Promise<T> {
    const slot = this.pool.reduce((best, candidate) => (candidate.inFlight < best.inFlight ? candidate : best))
    slot.inFlight++
    try {
      return await work(slot.client, slot)
    } finally {
      slot.inFlight--
    }
  }

  query<Row>(sql: string, params: QueryParams = {}): Promise<Row[]> {
    return this.withClient((client, slot) =>
      bound(slot, params, async () => {
        const result = await client.query({ query: sql, query_params: params, format: 'JSONEachRow' })
        return result.json<Row>()
      }),
    )
  }

  command(sql: string, params: QueryParams = {}): Promise<void> {
    return this.withClient((client, slot) =>
      bound(slot, params, async () => {
        await client.command({ query: sql, query_params: params })
      }),
    )
  }

  streamQuery(request: StreamRequest): ByteStream {
    return this.streamer(request)
  }

  insert(table: string, rows: readonly object[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve()
    return this.withClient(async (client) => {
      await client.insert({ table, values: rows as object[], format: 'JSONEachRow' })
    })
  }

  insertStaged(tables: readonly StagedTable[], statements: readonly string[]): Promise<void> {
    if (tables.length === 0 || statements.length === 0) return Promise.resolve()
    return this.withClient(async (client, slot) => {
      // Temporary tables live in one session only (the embedded connection's own; over HTTP a session of this
      // call), so concurrent writers never meet; every step runs in that session.
      const session_id = slot.chdb ? undefined : crypto.randomUUID()
      const staged = tables.map((table) => ({ ...table, temporary: `stage_${table.name}_${crypto.randomBytes(8).toString('hex')}` }))
      try {
        for (const table of staged) {
          await client.command({ query: `CREATE TEMPORARY TABLE ${table.temporary} (${table.structure}) ENGINE = Memory`, session_id })
          // Embedded: the bytes are handed to the engine zero-copy and parsed there (no JS string of the rows).
          if (slot.chdb) await slot.chdb.rawInsert({ table: table.temporary, values: table.data, format: 'TabSeparated' })
          else await client.insert({ table: table.temporary, values: Readable.from([table.data], { objectMode: false }), format: 'TabSeparated', session_id })
        }
        for (const statement of statements) {
          const query = staged.reduce((sql, table) => sql.replaceAll(`{${table.name}}`, table.temporary), statement)
          await client.command({ query, session_id })
        }
      } finally {
        for (const table of staged) await client.command({ query: `DROP TEMPORARY TABLE IF EXISTS ${table.temporary}`, session_id })
      }
    })
  }

  async close(): Promise<void> {
    await Promise.all(this.pool.map((slot) => slot.client.close()))
  }
}

async function openEmbedded(config: Extract<DatabaseConfig, { engine: 'embedded' }>): Promise<Database> {
  fs.mkdirSync(config.clickhouseDir, { recursive: true })
  // Loaded lazily so that code paths using a ClickHouse server never load the native engine.
  const { createChdbConnection } = await import('chdb/connection')
  const pool: PooledClient[] = []
  for (let i = 0; i < EMBEDDED_POOL_SIZE; i++) {
    let connection
    try {
      connection = createChdbConnection({ path: config.clickhouseDir })
    } catch (error) {
      await Promise.all(pool.map((slot) => slot.client.close()))
      if (isDataDirectoryLockError(error)) throw new DataDirectoryBusyError(config.dataDir)
      throw error
    }
    // chdb's Connection matches the client's connection hook; the cast bridges two copies of the same type.
    const client = createClient({ connection: connection as never, clickhouse_settings: PINNED_SETTINGS })
    // The embedded connection ignores the `database` option; a session-level USE selects it instead.
    await client.command({ query: `CREATE DATABASE IF NOT EXISTS ${config.database}` })
    await client.command({ query: `USE ${config.database}` })
    pool.push({ client, inFlight: 0, chdb: (connection as unknown as { chdb?: ChdbRawInsert }).chdb })
  }
  return new PooledDatabase(config, pool, (request) => streamEmbedded(config.clickhouseDir, config.database, PINNED_SETTINGS, request))
}

async function openHttp(config: Extract<DatabaseConfig, { engine: 'http' }>): Promise<Database> {
  // Its failure is reported once, as a DatabaseUnavailableError, instead of the client's own warning log.
  const bootstrap = createClient({
    url: config.url,
    username: config.user,
    password: config.password,
    request_timeout: 10_000,
    log: { level: ClickHouseLogLevel.OFF },
  })
  try {
    const ping = await bootstrap.ping()
    if (!ping.success) throw ping.error
    const onCluster = config.cluster ? ` ON CLUSTER ${config.cluster}` : ''
    await bootstrap.command({ query: `CREATE DATABASE IF NOT EXISTS ${config.database}${onCluster}` })
  } catch (error) {
    throw new DatabaseUnavailableError(config.url, (error as Error).message || String(error))
  } finally {
    await bootstrap.close()
  }
  const client = createClient({
    url: config.url,
    username: config.user,
    password: config.password,
    database: config.database,
    clickhouse_settings: PINNED_SETTINGS,
    max_open_connections: 10,
  })
  return new PooledDatabase(config, [{ client, inFlight: 0 }], (request) => streamHttp(client, request))
}

const globalForDb = globalThis as unknown as { patchboardDb?: Promise<Database> }

/**
 * The process-wide database, opened on first use and kept on globalThis so `next dev` reloads reuse it.
 * A failed open is not cached: the next call tries again.
 */
export function getDatabase(): Promise<Database> {
  if (!globalForDb.patchboardDb) {
    const config = readDatabaseConfig()
    const opening = config.engine === 'embedded' ? openEmbedded(config) : openHttp(config)
    globalForDb.patchboardDb = opening
    opening.catch(() => {
      if (globalForDb.patchboardDb === opening) globalForDb.patchboardDb = undefined
    })
  }
  return globalForDb.patchboardDb
}

/** Closes the process-wide database (CLIs and tests call this before exiting). */
export async function closeDatabase(): Promise<void> {
  const opening = globalForDb.patchboardDb
  globalForDb.patchboardDb = undefined
  if (opening) await (await opening).close()
}
