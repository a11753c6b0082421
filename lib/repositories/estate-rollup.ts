// The estate rolled up by asset tag set for one data version (tables of migration 0064): its build, its versions, and the
// cleanup of older ones. When it is built is lib/dashboards/rollup-builds.ts's decision; dashboards read it only while
// it is the current data version's.
import type { Database } from '@/clickhouse/client'
import { DATA_VERSION_KEY } from './data-version'

export const ROLLUP_FINDINGS = 'rollup_findings'
export const ROLLUP_EVENTS = 'rollup_finding_events'
const ROLLUP_VERSION_KEY = 'rollup.version'

export interface Versions {
  /** The data version ('' before the first write). */
  data: string
  /** The data version the rollup was last completed for, or null. */
  rollup: string | null
}

/** Both versions in one unparameterised query (it never waits behind bound queries). */
export async function readVersions(db: Database): Promise<Versions> {
  const rows = await db.query<{ key: string; value: string }>(
    `SELECT key, value FROM app_settings FINAL WHERE key IN ('${DATA_VERSION_KEY}', '${ROLLUP_VERSION_KEY}')`,
  )
  const value = (key: string) => rows.find((row) => row.key === key)?.value
  return { data: value(DATA_VERSION_KEY) ?? '', rollup: value(ROLLUP_VERSION_KEY) ?? null }
}

/**
 * The version as an SQL literal. Data versions are written only by advanceDataVersion (`<ms>-<uuid>`), never by a user;
 * the build is deliberately unparameterised, so the embedded engine runs it beside the bound dashboard queries instead
 * of queueing them behind its seconds of work. Anything else is refused.
 */
function versionLiteral(version: string): string {
  if (!/^[0-9]+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(version)) throw new Error(`not a data version: ${JSON.stringify(version)}`)
  return `'${version}'`
}

/** Each asset's tags, sorted: assets with the same set of tags fall into one rollup row. */
const ASSET_TAG_SETS = 'SELECT asset_id, arraySort(tags) AS tags FROM assets FINAL'
const INSTALL = "e.event = 'installed' AND e.previous_status = 'Missing'"

function buildStatements(version: string): string[] {
  const v = versionLiteral(version)
  return [
    `INSERT INTO ${ROLLUP_FINDINGS} (version, tags, patch_id, status, n) ` +
      `SELECT ${v}, a.tags, f.patch_id, f.status, count() FROM findings AS f FINAL INNER JOIN (${ASSET_TAG_SETS}) AS a ON a.asset_id = f.asset_id ` +
      `WHERE f.is_deleted = 0 GROUP BY a.tags, f.patch_id, f.status`,
    `INSERT INTO ${ROLLUP_EVENTS} (version, tags, bucket, event_severity, patch_severity, in_catalog, into_missing, out_of_missing, into_installed, out_of_installed, installs, install_days) ` +
      `SELECT ${v}, a.tags, toStartOfFifteenMinutes(e.event_at) AS bucket, e.vendor_severity, p.vendor_severity, p.known, ` +
      `countIf(e.event = 'missing'), countIf(e.event != 'missing' AND e.previous_status = 'Missing'), ` +
      `countIf(e.event = 'installed'), countIf(e.event != 'installed' AND e.previous_status = 'Installed'), ` +
      `countIf(${INSTALL}), groupArrayIf(dateDiff('second', e.first_seen_at, e.event_at) / 86400, ${INSTALL}) ` +
      `FROM finding_events AS e INNER JOIN (${ASSET_TAG_SETS}) AS a ON a.asset_id = e.asset_id ` +
      `LEFT JOIN (SELECT patch_id, vendor_severity, toUInt8(1) AS known FROM patches FINAL) AS p ON p.patch_id = e.patch_id ` +
      `GROUP BY a.tags, bucket, e.vendor_severity, p.vendor_severity, p.known`,
  ]
}

/** Drops the partitions of the versions `drop` says (on a cluster, on each node's local table). */
async function dropVersions(db: Database, drop: (version: string) => boolean): Promise<void> {
  const cluster = db.config.cluster
  for (const table of [ROLLUP_FINDINGS, ROLLUP_EVENTS]) {
    const local = cluster ? `${table}_local` : table
    const parts = await db.query<{ partition: string }>(
      `SELECT DISTINCT partition FROM ${cluster ? `clusterAllReplicas('${cluster}', system.parts)` : 'system.parts'} WHERE database = currentDatabase() AND table = '${local}' AND active`,
    )
    for (const { partition } of parts) {
      if (!drop(partition)) continue
      await db.command(`ALTER TABLE ${local}${cluster ? ` ON CLUSTER ${cluster}` : ''} DROP PARTITION ${versionLiteral(partition)}`)
    }
  }
}

/**
 * Builds the rollup of `version` (anew: rows of an interrupted build are dropped first), names it current, then drops
 * the versions before the previous one — the previous stays for renders that read the versions just before the switch.
 */
export async function buildEstateRollup(db: Database, version: string): Promise<void> {
  const previous = (await readVersions(db)).rollup
  await dropVersions(db, (partition) => partition === version)
  for (const statement of buildStatements(version)) await db.command(statement)
  const now = Date.now()
  await db.insert('app_settings', [{ key: ROLLUP_VERSION_KEY, value: version, updated_at: new Date(now).toISOString(), version: now }])
  await dropVersions(db, (partition) => partition !== version && partition !== previous)
}
