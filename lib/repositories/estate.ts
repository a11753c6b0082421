// Estate-wide maintenance queries: how many scans were ever received, and merging the versioned tables after a bulk load.
import type { Database } from '@/clickhouse/client'

export async function countAssetScans(db: Database): Promise<number> {
  const [row] = await db.query<{ c: number }>('SELECT toUInt32(count()) AS c FROM asset_scans')
  return Number(row?.c ?? 0)
}

/** After a bulk load, one merge makes FINAL reads of the versioned tables nearly free. */
export async function mergeVersionedTables(db: Database): Promise<void> {
  for (const table of ['assets', 'patches', 'findings']) await db.command(`OPTIMIZE TABLE ${table} FINAL`)
}
