-- Licence settings (one row, key 'current'; every change is a new row version): how many licences the paid subscription
-- has, which tags make an asset patchable (include; empty = every asset) and which tags exclude it. No row = not
-- configured: every asset is licensed. Allocation (lib/repositories/licenses.ts): included, not excluded assets by
-- ascending activation time, ties by asset id, the first license_count of them are licensed.

CREATE TABLE IF NOT EXISTS license_settings /* shard_key: cityHash64(key) */ (
  key String,
  license_count UInt32,
  include_tags Array(String),
  exclude_tags Array(String),
  updated_by String,
  updated_at DateTime64(3, 'UTC'),
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY key;
