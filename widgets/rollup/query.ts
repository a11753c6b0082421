// SQL of the history series' reads of the estate rollup (lib/repositories/estate-rollup.ts): the same sums as over the raw
// events in widgets/history/query.ts, from rows per (tag set, 15-minute bucket, severity). Every zone's local midnight
// is a 15-minute boundary in UTC, so a bucket lies within one local day and `bucket >= start of a day` holds exactly
// when it holds for each of its events.
import { ROLLUP_EVENTS, ROLLUP_FINDINGS } from '@/lib/repositories/estate-rollup'

/** `scope` below: a test of the rollup row's tags `r.tags`, or '1' (every asset). */
const inScope = (scope: string) => `r.build = {rollupBuild:String}${scope === '1' ? '' : ` AND ${scope}`}`
/** The rows of the rollup build `{rollupBuild}` in scope, as `r`. */
const rowsOf = (table: string, scope: string) => `${table} AS r WHERE ${inScope(scope)}`

/** Missing and installed findings now, per patch (alias `f`: patch_id, missing, installed). */
export function currentByPatchSql(scope: string): string {
  return `SELECT r.patch_id AS patch_id, sumIf(r.n, r.status = 'Missing') AS missing, sumIf(r.n, r.status = 'Installed') AS installed FROM ${rowsOf(ROLLUP_FINDINGS, scope)} GROUP BY r.patch_id`
}

/**
 * Per local day (k1) and, `bySeverity`, the patch's catalog severity (k2, events of patches in the catalog only, as the
 * raw series' join keeps them): the change of missing and installed, for buckets in `[from, to)`.
 */
export function dailyChangesFromRollup(scope: string, bySeverity: boolean, from: string, to: string): string {
  const day = 'toDate(r.bucket, {tz:String})'
  return (
    `SELECT toUInt16(0) AS s, toString(${day}) AS k1, toString(${bySeverity ? 'r.patch_severity' : "''"}) AS k2, ` +
    `[toFloat64(toInt64(sum(r.into_missing)) - toInt64(sum(r.out_of_missing))), toFloat64(toInt64(sum(r.into_installed)) - toInt64(sum(r.out_of_installed)))] AS v ` +
    `FROM ${rowsOf(ROLLUP_EVENTS, scope)}${bySeverity ? ' AND r.in_catalog = 1' : ''} AND r.bucket >= ${from} AND r.bucket < ${to} GROUP BY k1, k2`
  )
}

/** Per install severity (k1): mean and median days to patch and the installs, of installs since `from`. */
export function timeToPatchFromRollup(scope: string, from: string): string {
  return (
    `SELECT toUInt16(0) AS s, toString(r.event_severity) AS k1, '' AS k2, [avg(d), quantileExactInclusive(0.5)(d), toFloat64(count())] AS v ` +
    `FROM ${ROLLUP_EVENTS} AS r ARRAY JOIN r.install_days AS d WHERE ${inScope(scope)} AND r.bucket >= ${from} GROUP BY k1`
  )
}

/** Installs per local day (d, c) since the bucket holding `since`. */
export function installsPerDayFromRollup(scope: string, since: string): string {
  return `SELECT toDate(r.bucket, {tz:String}) AS d, sum(r.installs) AS c FROM ${rowsOf(ROLLUP_EVENTS, scope)} AND r.installs > 0 AND r.bucket >= toStartOfFifteenMinutes(${since}) GROUP BY d`
}
