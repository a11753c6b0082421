// Known values of a QQL token for autocomplete, within the reader's tag scope; the SQL comes from the QQL compiler.
import type { Database } from '@/clickhouse/client'
import { valueSuggestionQuery, type Entity, type QqlScope } from '@/lib/qql'

export interface TokenValuesRequest {
  entity: Entity
  token: string
  prefix: string
  limit: number
}

/** Values of the token starting with `prefix` (ignoring case); none when the token has no value source. */
export async function lookupTokenValues(db: Database, scope: QqlScope, request: TokenValuesRequest): Promise<string[]> {
  // Which values exist does not depend on a time zone: only the scope decides what the reader may see.
  const lookup = valueSuggestionQuery({ ...request, user: { scope, timeZone: 'UTC' } })
  if (lookup === null) return []
  const rows = await db.query<{ value: string | number }>(lookup.sql, lookup.params)
  return rows.map((row) => String(row.value))
}
