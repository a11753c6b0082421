// The estate rolled up by asset tag set for one data version (tables of migration 0064): its build, its versions, and the
// cleanup of older ones. When it is built is lib/dashboards/rollup-builds.ts's decision; dashboards read it only while
// it is the current data version's.
import crypto from 'node:crypto'
import type { Database } from '@/clickhouse/client'
import { DATA_VERSION_KEY } from './data-version'

export const ROLLUP_FINDINGS = 'rollup_findings'
export const ROLLUP_EVENTS = 'rollup_finding_events'
/** `<data version> <build>` of the last completed rollup. */
const ROLLUP_KEY = 'rollup.version'

export interface Versions {
  /** The data version ('' before the first write). */
  data: string
  /** The last completed rollup: the data version it was built for and its build (the rows' key), or null. */
  rollup: { dataVersion: string; build: string } | null
}

/** Both versions in one unparameterised query (it never waits behind bound queries). */
export async function readVersions(db: Database): Promise<Versions> {
  const rows = await db.query<{ key: string; value: string }>(
    `SELECT key, value FROM app_settings FINAL WHERE key IN ('${DATA_VERSION_KEY}', '${ROLLUP_KEY}')`,
  )
  const value = (key: string) => rows.find((row) => row.key === key)?.value
  const [dataVersion, build] = (value(ROLLUP_KEY) ?? '').split(' ')
  return { data: value(DATA_VERSION_KEY) ?? '', rollup: dataVersion && build ? { dataVersion, build } : null }
}

/** `<ms>-<uuid>`: the shape of data versions (advanceDataVersion) and of rollup builds, the time first. */
const STAMP = /^([0-9]+)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * A build id as an SQL literal. Builds are named here (`<ms>-<uuid>`), never by a user; the build is deliberately
 * unparameterised, so the embedded engine runs it beside the bound dashboard queries instead of queueing them behind
 * its seconds of work. Anything else is refused.
 */
function buildLiteral(build: string): string {
  if (!STAMP.test(build)) throw new Error(`not a rollup build: ${JSON.stringify(build)}`)
  return `'${build}'`
}

/** Each asset's tags, sorted: assets with the same set of tags fall into one rollup row. */
const ASSET_TAG_SETS = 'SELECT asset_id, arraySort(tags) AS tags FROM assets FINAL'
const INSTALL = "e.event = 'installed' AND e.previous_status = 'Missing'"

function buildStatements(build: string): string[] {
  const b = buildLiteral(build)
  return [
    `INSERT INTO ${ROLLUP_FINDINGS} (build, tags, patch_id, status, n) ` +
      `SELECT ${b}, a.tags, f.patch_id, f.status, count() FROM findings AS f FINAL INNER JOIN (${ASSET_TAG_SETS}) AS a ON a.asset_id = f.asset_id ` +
      `WHERE f.is_deleted = 0 GROUP BY a.tags, f.patch_id, f.status`,
    `INSERT INTO ${ROLLUP_EVENTS} (build, tags, bucket, event_severity, patch_severity, in_catalog, into_missing, out_of_missing, into_installed, out_of_installed, installs, install_days) ` +
      `SELECT ${b}, a.tags, toStartOfFifteenMinutes(e.event_at) AS bucket, e.vendor_severity, p.vendor_severity, p.known, ` +
      `countIf(e.event = 'missing'), countIf(e.event != 'missing' AND e.previous_status = 'Missing'), ` +
      `countIf(e.event = 'installed'), countIf(e.event != 'installed' AND e.previous_status = 'Installed'), ` +
      `countIf(${INSTALL}), groupArrayIf(dateDiff('second', e.first_seen_at, e.event_at) / 86400, ${INSTALL}) ` +
      `FROM finding_events AS e INNER JOIN (${ASSET_TAG_SETS}) AS a ON a.asset_id = e.asset_id ` +
      `LEFT JOIN (SELECT patch_id, vendor_severity, toUInt8(1) AS known FROM patches FINAL) AS p ON p.patch_id = e.patch_id ` +
      `GROUP BY a.tags, bucket, e.vendor_severity, p.vendor_severity, p.known`,
  ]
}

/** Drops the partitions of the builds `drop` says (on a cluster, on each node's local table). */
async function dropBuilds(db: Database, drop: (build: string) => boolean): Promise<void> {
  const cluster = db.config.cluster
  for (const table of [ROLLUP_FINDINGS, ROLLUP_EVENTS]) {
    const local = cluster ? `${table}_local` : table
    const parts = await db.query<{ partition: string }>(
      `SELECT DISTINCT partition FROM ${cluster ? `clusterAllReplicas('${cluster}', system.parts)` : 'system.parts'} WHERE database = currentDatabase() AND table = '${local}' AND active`,
    )
    for (const { partition } of parts) {
      if (!drop(partition)) continue
      await db.command(`ALTER TABLE ${local}${cluster ? ` ON CLUSTER ${cluster}` : ''} DROP PARTITION ${buildLiteral(partition)}`)
    }
  }
}

/** A build younger than this may still be running in another server process on the same database: it is left alone. */
const BUILD_GRACE_MS = 10 * 60_000
/** The builds this process finished: they may go as soon as they are neither current nor previous. */
const finishedHere = new Set<string>()

/**
 * Builds the rollup of `dataVersion` under a build id of its own, names it current, then drops the builds before the
 * previous one — the previous stays for renders that read the versions just before the switch. Every build writes its
 * own rows, so servers sharing a database that build at once never mix or remove each other's: of overlapping builds
 * the one started last is read; only builds started before it go, and another server's only after BUILD_GRACE_MS (it
 * may be unfinished until then).
 */
export async function buildEstateRollup(db: Database, dataVersion: string, now = Date.now()): Promise<void> {
  const previous = (await readVersions(db)).rollup?.build
  const build = `${now}-${crypto.randomUUID()}`
  for (const statement of buildStatements(build)) await db.command(statement)
  const done = Date.now()
  // The row version is the build's start (in microseconds, a random remainder against equal starts): of builds that
  // overlap, the one that started last read the newest data, and it stays current however the finishes interleave.
  const rowVersion = now * 1_000 + crypto.randomInt(1_000)
  await db.insert('app_settings', [{ key: ROLLUP_KEY, value: `${dataVersion} ${build}`, updated_at: new Date(done).toISOString(), version: rowVersion }])
  const startedAt = (other: string) => Number(STAMP.exec(other)?.[1] ?? 0)
  finishedHere.add(build)
  // The build the setting names now (another server's, if it wrote last) is kept whatever happens, and so is any build
  // started after it (it may be about to replace it).
  const named = (await readVersions(db)).rollup?.build ?? build
  const kept = new Set([build, previous, named])
  const finished = (other: string) => finishedHere.has(other) || startedAt(other) < done - BUILD_GRACE_MS
  await dropBuilds(db, (other) => !kept.has(other) && startedAt(other) < startedAt(named) && finished(other))
  for (const other of finishedHere) if (!kept.has(other) && startedAt(other) < startedAt(named)) finishedHere.delete(other)
}
