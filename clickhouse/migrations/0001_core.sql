-- Core tables: inventory, patch catalog, current findings, their history, scan summaries, users, audit log, settings.
-- Each CREATE names its sharding key for cluster mode in a /* shard_key: … */ comment.

CREATE TABLE IF NOT EXISTS assets /* shard_key: cityHash64(asset_id) */ (
  asset_id String,
  name String,
  operating_system String,
  os_family LowCardinality(String),
  architecture LowCardinality(String),
  ip_addresses Array(String),
  last_logged_on_user String,
  tags Array(String),
  activated_at DateTime64(3, 'UTC'),
  last_scan_at DateTime64(3, 'UTC'),
  last_scan_id String,
  missing_count UInt32,
  installed_count UInt32,
  missing_critical_count UInt32,
  missing_security_count UInt32,
  updated_at DateTime64(3, 'UTC'),
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY asset_id;

CREATE TABLE IF NOT EXISTS patches /* shard_key: cityHash64(patch_id) */ (
  patch_id String,
  qids Array(UInt32),
  title String,
  vendor LowCardinality(String),
  products Array(String),
  app_family LowCardinality(String),
  kb String,
  cves Array(String),
  bulletin String,
  category LowCardinality(String),
  vendor_severity LowCardinality(String),
  is_security Bool,
  is_superseded Bool,
  superseded_by Array(String),
  supersedes Array(String),
  reboot_required Bool,
  download_method LowCardinality(String),
  architecture LowCardinality(String),
  published_at DateTime64(3, 'UTC'),
  modified_at DateTime64(3, 'UTC'),
  content_hash String,
  updated_at DateTime64(3, 'UTC'),
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY patch_id;

CREATE TABLE IF NOT EXISTS findings /* shard_key: cityHash64(asset_id) */ (
  asset_id String,
  patch_id String,
  status LowCardinality(String),
  first_seen_at DateTime64(3, 'UTC'),
  installed_at Nullable(DateTime64(3, 'UTC')),
  changed_at DateTime64(3, 'UTC'),
  scan_id String,
  version UInt64,
  is_deleted UInt8
) ENGINE = ReplacingMergeTree(version, is_deleted)
ORDER BY (asset_id, patch_id);

CREATE TABLE IF NOT EXISTS finding_events /* shard_key: cityHash64(asset_id) */ (
  event_at DateTime64(3, 'UTC'),
  asset_id String,
  patch_id String,
  event LowCardinality(String),
  previous_status LowCardinality(String),
  vendor_severity LowCardinality(String),
  first_seen_at DateTime64(3, 'UTC'),
  scan_id String
) ENGINE = MergeTree
PARTITION BY toYYYYMM(event_at)
ORDER BY (asset_id, patch_id, event_at);

CREATE TABLE IF NOT EXISTS asset_scans /* shard_key: cityHash64(asset_id) */ (
  scan_id String,
  asset_id String,
  scanned_at DateTime64(3, 'UTC'),
  received_at DateTime64(3, 'UTC'),
  applied UInt8,
  os_family LowCardinality(String),
  tags Array(String),
  missing_count UInt32,
  installed_count UInt32,
  missing_critical_count UInt32,
  missing_security_count UInt32
) ENGINE = MergeTree
PARTITION BY toYYYYMM(scanned_at)
ORDER BY (asset_id, scanned_at, scan_id);

CREATE TABLE IF NOT EXISTS users /* shard_key: cityHash64(user_id) */ (
  user_id String,
  email String,
  name String,
  role LowCardinality(String),
  scope_all Bool,
  scope_tags Array(String),
  password_hash String,
  time_zone String,
  disabled Bool,
  failed_logins UInt32,
  locked_until Nullable(DateTime64(3, 'UTC')),
  session_epoch UInt32,
  created_at DateTime64(3, 'UTC'),
  updated_at DateTime64(3, 'UTC'),
  version UInt64,
  is_deleted UInt8
) ENGINE = ReplacingMergeTree(version, is_deleted)
ORDER BY user_id;

CREATE TABLE IF NOT EXISTS audit_log /* shard_key: rand() */ (
  at DateTime64(3, 'UTC'),
  actor_id String,
  actor_email String,
  action LowCardinality(String),
  entity LowCardinality(String),
  entity_id String,
  before String,
  after String
) ENGINE = MergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (at, entity, entity_id);

CREATE TABLE IF NOT EXISTS app_settings /* shard_key: cityHash64(key) */ (
  key String,
  value String,
  updated_at DateTime64(3, 'UTC'),
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY key;
