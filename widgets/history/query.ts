// SQL of the history series: compliance and missing findings per day, time to patch, Patch Tuesday cycles, failed installs.
//
// State per day comes from `finding_events` without replaying pairs: each event row says what a finding became
// (`event`) and what it was (`previous_status`), so the day's change of "missing" is +1 per event into Missing and −1
// per event out of it; a running sum over the days gives the state at the end of each day. Severity is the patch's
// current vendor severity in the catalog, so a finding is counted under one severity from start to end.
import type { QqlParams } from '@/lib/qql'
import type { HistorySeries } from '../schema'
import { compileConditions, type Branch, type BuildContext, type BuiltQuery } from '../shared/query'

const TODAY = "toDate(now64(3, 'UTC'), {tz:String})"
const FIRST_DAY = `${TODAY} - toIntervalDay({days:UInt32} - 1)`
const FAILED_PATCH_STATUSES = ['Failed', 'Download Failed']

/** `date`'s Patch Tuesday cycle: the second Tuesday of its month, or of the month before when `date` is earlier. */
export function patchTuesdaySql(date: string): string {
  const secondTuesday = (month: string) => `(toStartOfMonth(${month}) + toIntervalDay(((9 - toDayOfWeek(toStartOfMonth(${month}))) % 7) + 7))`
  return `if(${date} >= ${secondTuesday(date)}, ${secondTuesday(date)}, ${secondTuesday(`(toStartOfMonth(${date}) - toIntervalMonth(1))`)})`
}

/** The events (alias `e`) of the assets matching the widget's assets query in the viewer's scope, with the patch's severity. */
function scopedEvents(assetWhere: string): string {
  const assets = assetWhere === '1' ? '' : ` WHERE e.asset_id IN (SELECT a.asset_id FROM assets AS a FINAL WHERE ${assetWhere})`
  return `finding_events AS e INNER JOIN (SELECT patch_id, vendor_severity FROM patches FINAL) AS p ON p.patch_id = e.patch_id${assets}`
}

/**
 * Per day of the window and per severity (k2): the change in missing and installed findings, `[Δmissing, Δinstalled]`.
 * Every day before the window is folded into the day before it, so a running sum over the rows (widgets/history/data.ts)
 * gives the state at the end of each day.
 */
function dailyChangesSql(assetWhere: string, series: 'compliance' | 'missingBySeverity'): string {
  const day = 'toDate(e.event_at, {tz:String})'
  const intoMissing = "e.event = 'missing'"
  const outOfMissing = "e.event != 'missing' AND e.previous_status = 'Missing'"
  const intoInstalled = "e.event = 'installed'"
  const outOfInstalled = "e.event != 'installed' AND e.previous_status = 'Installed'"
  const severity = series === 'missingBySeverity' ? 'p.vendor_severity' : "''"
  return (
    `SELECT toUInt16(0) AS s, toString(greatest(${day}, ${FIRST_DAY} - toIntervalDay(1))) AS k1, toString(${severity}) AS k2, ` +
    `[toFloat64(countIf(${intoMissing}) - countIf(${outOfMissing})), toFloat64(countIf(${intoInstalled}) - countIf(${outOfInstalled}))] AS v ` +
    `FROM ${scopedEvents(assetWhere)} ${assetWhere === '1' ? 'WHERE' : 'AND'} ${day} <= ${TODAY} GROUP BY k1, k2`
  )
}

/** Days from first seen missing to the scan that found it installed, per severity, for installs in the window. */
function timeToPatchSql(assetWhere: string): string {
  const days = "dateDiff('second', e.first_seen_at, e.event_at) / 86400"
  return (
    `SELECT toUInt16(0) AS s, toString(p.vendor_severity) AS k1, '' AS k2, [avg(${days}), quantileExactInclusive(0.5)(toFloat64(${days})), toFloat64(count())] AS v ` +
    `FROM ${scopedEvents(assetWhere)} ${assetWhere === '1' ? 'WHERE' : 'AND'} e.event = 'installed' AND e.previous_status = 'Missing' ` +
    `AND toDate(e.event_at, {tz:String}) >= ${FIRST_DAY} GROUP BY k1`
  )
}

/** Per Patch Tuesday cycle starting in the window: patches published (catalog-wide) and installs seen (in scope). */
function publishedVsInstalledSql(assetWhere: string): string {
  const cycleOf = (column: string) => patchTuesdaySql(`toDate(${column}, {tz:String})`)
  const inWindow = `>= ${patchTuesdaySql(FIRST_DAY)}`
  const published =
    `SELECT toUInt16(0) AS s, toString(${cycleOf('p2.published_at')}) AS k1, 'published' AS k2, [toFloat64(count())] AS v ` +
    `FROM patches AS p2 FINAL WHERE ${cycleOf('p2.published_at')} ${inWindow} AND toDate(p2.published_at, {tz:String}) <= ${TODAY} GROUP BY k1`
  const installed =
    `SELECT toUInt16(0) AS s, toString(${cycleOf('e.event_at')}) AS k1, 'installed' AS k2, [toFloat64(count())] AS v ` +
    `FROM ${scopedEvents(assetWhere)} ${assetWhere === '1' ? 'WHERE' : 'AND'} e.event = 'installed' AND e.previous_status = 'Missing' ` +
    `AND ${cycleOf('e.event_at')} ${inWindow} GROUP BY k1`
  return `${published} UNION ALL ${installed}`
}

/** Failed per-patch outcomes of job results per day (the latest report of each run and asset). */
function failedInstallsSql(assetWhere: string): string {
  const assets = assetWhere === '1' ? '' : ` AND r.asset_id IN (SELECT a.asset_id FROM assets AS a FINAL WHERE ${assetWhere})`
  return (
    `SELECT toUInt16(0) AS s, toString(toDate(r.reported_at, {tz:String})) AS k1, '' AS k2, [toFloat64(count())] AS v ` +
    `FROM job_results AS r FINAL ARRAY JOIN r.patch_statuses AS outcome ` +
    `WHERE outcome IN {failedStatuses:Array(String)} AND toDate(r.reported_at, {tz:String}) >= ${FIRST_DAY}${assets} GROUP BY k1`
  )
}

/** The SELECT of a history series over the assets matching `query` (assets QQL) in the viewer's scope. */
export function historyBranch(series: HistorySeries, query: string, days: number, context: BuildContext): BuiltQuery {
  const compiled = compileConditions('assets', query, context, 'query')
  if (!compiled.ok) return compiled
  // '1' (everyone's view of every asset) needs no asset filter at all: the common, cheapest case.
  const assetWhere = compiled.where
  const params: QqlParams = { ...compiled.params, tz: context.user.timeZone, days }
  const sql = {
    compliance: () => dailyChangesSql(assetWhere, 'compliance'),
    missingBySeverity: () => dailyChangesSql(assetWhere, 'missingBySeverity'),
    timeToPatch: () => timeToPatchSql(assetWhere),
    publishedVsInstalled: () => publishedVsInstalledSql(assetWhere),
    failedInstalls: () => {
      params.failedStatuses = FAILED_PATCH_STATUSES
      return failedInstallsSql(assetWhere)
    },
  }[series]()
  const branch: Branch = { sql, params }
  return { ok: true, branches: [branch], notes: compiled.notes }
}
