// Small key/value application settings (e.g. whether the demo estate was seeded).
import type { Database } from '@/clickhouse/client'

export async function getSetting(db: Database, key: string): Promise<string | null> {
  const rows = await db.query<{ value: string }>('SELECT value FROM app_settings FINAL WHERE key = {key:String}', { key })
  return rows[0]?.value ?? null
}

export async function putSetting(db: Database, key: string, value: string): Promise<void> {
  await db.insert('app_settings', [{ key, value, updated_at: new Date().toISOString(), version: Date.now() }])
}
