// The licence allocation as constant SQL (no values, only stored settings), shared by the `licensed` token, the Assets column and licenseStatuses.
//
// Rules (PRODUCT §5, docs/configuration.md "Licenses"): licences are enforced only on an active paid subscription
// whose licence settings were saved; otherwise every asset is licensed. An asset carrying an exclude tag is
// `excluded`; else one carrying no include tag (when include tags are set) is `unlicensed`; the remaining, eligible
// assets are ranked by ascending activation time, ties by ascending asset id, and the first `license_count` are
// `licensed`, the rest `unlicensed`. Nothing is stored per asset: a tag change moves the allocation at once.

export const LICENSE_STATUSES = ['licensed', 'unlicensed', 'excluded'] as const
export type LicenseStatus = (typeof LICENSE_STATUSES)[number]

const ACTIVE_PAID = "(SELECT count() FROM subscription FINAL WHERE key = 'current' AND tier = 'paid' AND (expires_at IS NULL OR expires_at > now64(3, 'UTC'))) > 0"
const CONFIGURED = "(SELECT count() FROM license_settings FINAL WHERE key = 'current') > 0"
const SETTING = (column: string) => `(SELECT any(${column}) FROM license_settings FINAL WHERE key = 'current')`

/** One row: whether licences are enforced now, and the stored settings (0 / [] when none). */
export const LICENSE_SETTINGS_SQL = `SELECT (${ACTIVE_PAID}) AND (${CONFIGURED}) AS enforced, ${SETTING('license_count')} AS license_count, ${SETTING('include_tags')} AS include_tags, ${SETTING('exclude_tags')} AS exclude_tags`

/** Every asset with `excluded`, `included` (patchable) and its `seat` (rank among the eligible assets). */
export const LICENSE_ELIGIBILITY_SQL = `SELECT la.asset_id AS asset_id, ls.enforced AS enforced, ls.license_count AS license_count,
  hasAny(la.tags, ls.exclude_tags) AS excluded,
  empty(ls.include_tags) OR hasAny(la.tags, ls.include_tags) AS included,
  row_number() OVER (PARTITION BY included AND NOT excluded ORDER BY la.activated_at, la.asset_id) AS seat
FROM (SELECT asset_id, tags, activated_at FROM assets FINAL) AS la CROSS JOIN (${LICENSE_SETTINGS_SQL}) AS ls`

/** Every asset with its `license_status`: licensed, unlicensed or excluded. */
export const LICENSE_ALLOCATION_SQL = `SELECT asset_id, multiIf(NOT enforced, 'licensed', excluded, 'excluded', NOT included, 'unlicensed', seat <= license_count, 'licensed', 'unlicensed') AS license_status
FROM (${LICENSE_ELIGIBILITY_SQL})`

/** The ids of the licensed assets: `a.asset_id IN (…)` is the `licensed` token and column over the assets alias. */
export const LICENSED_ASSET_IDS_SQL = `SELECT asset_id FROM (${LICENSE_ALLOCATION_SQL}) WHERE license_status = 'licensed'`
