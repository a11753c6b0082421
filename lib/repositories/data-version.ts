// The data version: a marker that every ingest, catalog and job-result write advances, so cached widget results expire.
import crypto from 'node:crypto'
import type { Database } from '@/clickhouse/client'

/** Kept in app_settings, so every server process sharing the database sees the same version. */
export const DATA_VERSION_KEY = 'data.version'

/** The current data version ('' before the first write). No query parameter: it never waits behind bound queries. */
export async function readDataVersion(db: Database): Promise<string> {
  const rows = await db.query<{ value: string }>(`SELECT value FROM app_settings FINAL WHERE key = '${DATA_VERSION_KEY}'`)
  return rows[0]?.value ?? ''
}

/** Marks that the estate's data changed (call after a write commits). */
export async function advanceDataVersion(db: Database): Promise<void> {
  const now = Date.now()
  await db.insert('app_settings', [{ key: DATA_VERSION_KEY, value: `${now}-${crypto.randomUUID()}`, updated_at: new Date(now).toISOString(), version: now }])
}
