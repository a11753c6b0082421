-- Dashboards (definition JSON = widgets apart from their layout, filters, refresh) with an edit revision for optimistic
-- concurrency, and each user's home dashboard (the one `/` opens).

CREATE TABLE IF NOT EXISTS dashboards /* shard_key: cityHash64(dashboard_id) */ (
  dashboard_id String,
  name String,
  description String,
  owner_id String,
  owner_email String,
  -- false: only the owner (and Administrators) see it; true: every user may view it.
  shared Bool,
  -- widgets/dashboard.ts DashboardDefinition without name and description: {widgets, layout, filters, refreshSeconds};
  -- each widget carries its own token-schema version.
  definition String,
  created_by_email String,
  created_at DateTime64(3, 'UTC'),
  updated_by_id String,
  updated_by_email String,
  updated_at DateTime64(3, 'UTC'),
  -- 1 on create, +1 per change: a save names the revision it started from (409 when another save came first).
  revision UInt32,
  version UInt64,
  is_deleted UInt8
) ENGINE = ReplacingMergeTree(version, is_deleted)
ORDER BY dashboard_id;

CREATE TABLE IF NOT EXISTS dashboard_homes /* shard_key: cityHash64(user_id) */ (
  user_id String,
  -- '' clears the choice (then `/` opens the default dashboard).
  dashboard_id String,
  updated_at DateTime64(3, 'UTC'),
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY user_id;
