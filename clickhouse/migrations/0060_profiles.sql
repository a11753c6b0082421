-- Assessment profiles: how often agents scan. One default profile (profile_id 'default', is_default = 1: every agent no
-- custom profile covers; created on first start by lib/services/profiles.ts) and custom ones covering the assets that
-- carry one of their tags (a tag belongs to at most one custom profile). status: Enabled | Disabled (the default is
-- always Enabled). When a lapsed subscription lowers an interval to the Free minimum, lowered_from_hours keeps the
-- interval it had and lowered_note says why ('' / 0 once someone edits the interval). revision: 1 on create, +1 per
-- change, for optimistic concurrency; version: the ReplacingMergeTree row version.

CREATE TABLE IF NOT EXISTS assessment_profiles /* shard_key: cityHash64(profile_id) */ (
  profile_id String,
  name String,
  is_default Bool,
  tags Array(String),
  interval_hours UInt16,
  status LowCardinality(String),
  lowered_from_hours UInt16,
  lowered_note String,
  created_at DateTime64(3, 'UTC'),
  created_by_email String,
  updated_at DateTime64(3, 'UTC'),
  updated_by_id String,
  updated_by_email String,
  revision UInt32,
  version UInt64,
  is_deleted UInt8
) ENGINE = ReplacingMergeTree(version, is_deleted)
ORDER BY profile_id;
