// Known values of a QQL token for autocomplete; the SQL comes from the QQL compiler, scoped and parameterised.
import type { Database } from '@/clickhouse/client'
import type { QqlParams } from '@/lib/qql'

export async function lookupTokenValues(db: Database, lookup: { sql: string; params: QqlParams }): Promise<string[]> {
  const rows = await db.query<{ value: string | number }>(lookup.sql, lookup.params)
  return rows.map((row) => String(row.value))
}
