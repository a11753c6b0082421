-- The estate rolled up by asset tag set, rebuilt per data version (lib/repositories/estate-rollup.ts): the default
-- dashboard's findings and history widgets read tens of thousands of rows here instead of 11 M findings and 14 M events,
-- in any tag scope (an asset set is a union of tag sets) and any time zone (15-minute buckets start every local day).
-- Each build writes its own rows (`build`, `<ms>-<uuid>`); they are whole once app_settings' `rollup.version` names the
-- build (with the data version it was made for); older builds' partitions are dropped.

-- Current findings per (tag set, patch, status).
CREATE TABLE IF NOT EXISTS rollup_findings /* shard_key: cityHash64(patch_id) */ (
  build String,
  -- The asset's tags, sorted.
  tags Array(String),
  patch_id String,
  status LowCardinality(String),
  n UInt64
) ENGINE = MergeTree
PARTITION BY build
ORDER BY (patch_id, status);

-- Finding events per (tag set, 15-minute bucket of event_at in UTC, the event's severity, the patch's catalog severity).
CREATE TABLE IF NOT EXISTS rollup_finding_events /* shard_key: cityHash64(bucket) */ (
  build String,
  tags Array(String),
  bucket DateTime('UTC'),
  event_severity LowCardinality(String),
  -- The patch's vendor severity in the catalog now; in_catalog = 0 for events of a patch the catalog does not hold.
  patch_severity LowCardinality(String),
  in_catalog UInt8,
  into_missing UInt64,
  out_of_missing UInt64,
  into_installed UInt64,
  out_of_installed UInt64,
  -- Installs seen (Missing → Installed) and, for each, the days from first seen missing to that scan.
  installs UInt64,
  install_days Array(Float64)
) ENGINE = MergeTree
PARTITION BY build
ORDER BY bucket
