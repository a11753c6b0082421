// SQL of a list count as of the end of a past day: the relations (findings, assets, "now") of that day to compile over.
//
// As the history series do (widgets/history/query.ts), the past is the current state with the window's changes undone,
// reading only the events since: a pair (asset, patch) without an event since that day is as it is now; one with events
// is what its first event since says it was before (`previous_status`; '' = not reported yet, so absent then) — which is
// its latest event at or before the end of that day. An asset's counts (missing, critical, …) are its current counts
// minus its pairs' changes since. Asset and patch attributes (name, tags, OS, severity, …) are taken as they are now, so
// tag scope and dashboard filters hold; an asset whose first scan came after that day is not counted. The branch is
// compiled by the QQL compiler like today's — same query, same scope — over those relations instead of the present.
import { FIRST_DAY, INTO_INSTALLED, INTO_MISSING, OUT_OF_INSTALLED, OUT_OF_MISSING } from '../history/query'
import { branchOf, prefixParams, PRESENT, type Branch, type WidgetRelations } from '../shared/query'
import type { PastStateEntity } from './schema'

/** The end of the day `days` days ago in the viewer's zone (= the start of the day after): events from here on are undone. */
const AS_OF = `toDateTime64(${FIRST_DAY}, 3, {tz:String})`
const SINCE = `e.event_at >= ${AS_OF}`

/**
 * A current pair last changed before that day (`changed_at` is the time of its latest event) is as it was then; the
 * others are rebuilt from their events since. Testing `changed_at` instead of looking the pair up among the events
 * spares a set of every changed pair (a findings count vs 7 days ago at 11 M findings: 0.37 s instead of 2 s).
 */
const PAST_FINDINGS =
  `SELECT asset_id, patch_id, status, first_seen_at, installed_at, is_deleted FROM findings FINAL WHERE is_deleted = 0 AND changed_at < ${AS_OF} ` +
  `UNION ALL SELECT e.asset_id AS asset_id, e.patch_id AS patch_id, argMin(e.previous_status, e.event_at) AS status, ` +
  `argMin(e.first_seen_at, e.event_at) AS first_seen_at, CAST(NULL AS Nullable(DateTime64(3, 'UTC'))) AS installed_at, toUInt8(0) AS is_deleted ` +
  `FROM finding_events AS e WHERE ${SINCE} GROUP BY asset_id, patch_id HAVING status != ''`

/** The asset count columns and the pairs each counts (over the event `e` and its patch `p` as it is now). */
const COUNT_COLUMNS: Readonly<Record<string, { into: string; outOf: string }>> = {
  missing_count: { into: INTO_MISSING, outOf: OUT_OF_MISSING },
  installed_count: { into: INTO_INSTALLED, outOf: OUT_OF_INSTALLED },
  missing_critical_count: { into: `${INTO_MISSING} AND p.vendor_severity = 'Critical'`, outOf: `${OUT_OF_MISSING} AND p.vendor_severity = 'Critical'` },
  missing_security_count: { into: `${INTO_MISSING} AND p.is_security`, outOf: `${OUT_OF_MISSING} AND p.is_security` },
}

/** Per asset with events since that day, the change of each count column since (`d.<column>`). */
const COUNT_CHANGES =
  `SELECT e.asset_id AS asset_id, ${Object.entries(COUNT_COLUMNS).map(([column, { into, outOf }]) => `toInt64(countIf(${into})) - toInt64(countIf(${outOf})) AS ${column}`).join(', ')} ` +
  `FROM finding_events AS e INNER JOIN (SELECT patch_id, vendor_severity, is_security FROM patches FINAL) AS p ON p.patch_id = e.patch_id ` +
  `WHERE ${SINCE} GROUP BY e.asset_id`
/** The number of pairs an asset `alias` (joined with its changes `d`) had then. */
const pairsThen = (alias: string, changes: string) =>
  `toInt64(${alias}.missing_count) + ${alias}.installed_count - ${changes}.missing_count - ${changes}.installed_count`

/**
 * The assets as of that day: with their counts then, and (`existing`) only those scanned by then. An asset with pairs
 * then was; one without (new, or reporting no patches) is looked up in the scan summaries — only those few, by the
 * summaries' primary key, where testing every asset read every summary before that day (the default assets count vs 7 days ago at 100,000 assets: 0.2–0.3 s instead of 0.6–0.8 s).
 */
function pastAssetsSql(existing: boolean): string {
  const replaced = Object.keys(COUNT_COLUMNS).map((column) => `toUInt32(greatest(0, toInt64(a0.${column}) - d.${column})) AS ${column}`).join(', ')
  const withoutPairs = `SELECT a1.asset_id FROM assets AS a1 FINAL LEFT JOIN (${COUNT_CHANGES}) AS d1 ON d1.asset_id = a1.asset_id WHERE ${pairsThen('a1', 'd1')} <= 0`
  const scannedThen = `SELECT s.asset_id FROM asset_scans AS s WHERE s.scanned_at < ${AS_OF} AND s.asset_id IN (${withoutPairs})`
  const existed = existing ? ` WHERE ${pairsThen('a0', 'd')} > 0 OR a0.asset_id IN (${scannedThen})` : ''
  return `SELECT a0.* REPLACE (${replaced}) FROM assets AS a0 FINAL LEFT JOIN (${COUNT_CHANGES}) AS d ON d.asset_id = a0.asset_id${existed}`
}

export type PastBranch = { ok: true; branch: Branch } | { ok: false; message: string }

/**
 * What a list aggregate reads as of the end of the day `daysAgo` days ago (the parameters `tz` and `days`): that day's
 * findings, its end as "now", and that day's assets when the assets are counted or `current` — the same aggregate
 * today — reads their counts (a findings query on other asset attributes reads the assets as they are now).
 */
export function pastRelations(entity: PastStateEntity, current: Branch): WidgetRelations {
  const counts = Object.keys(COUNT_COLUMNS).some((column) => new RegExp(`\\ba\\.${column}\\b`).test(current.sql))
  return {
    findings: `(${PAST_FINDINGS}) AS f`,
    now: AS_OF,
    // A pair reported then means its asset was scanned by then, so findings need no test of the asset's first scan.
    assets: entity === 'assets' || counts ? `(${pastAssetsSql(entity === 'assets')}) AS a` : PRESENT.assets,
  }
}

/** A branch built over `pastRelations`, with the day's parameters, all prefixed with `prefix`. */
export function pastStateBranch(built: Branch, options: { daysAgo: number; timeZone: string; prefix: string }): Branch {
  return prefixParams(branchOf(built.sql, { ...built.params, tz: options.timeZone, days: options.daysAgo }), options.prefix)
}

/** One row, one shape: the current branch's values followed by the past branch's (`v` = now ++ then). */
export function withPastValues(current: Branch, past: Branch): Branch {
  return {
    sql: `SELECT c.s AS s, c.k1 AS k1, c.k2 AS k2, arrayConcat(c.v, h.v) AS v FROM (${current.sql}) AS c CROSS JOIN (${past.sql}) AS h`,
    params: { ...current.params, ...past.params },
  }
}
