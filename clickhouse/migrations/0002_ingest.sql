-- Ingest: agents' activation keys, rejected documents kept verbatim, one history row per request/file, job results.
-- Each CREATE names its sharding key for cluster mode in a /* shard_key: … */ comment.

CREATE TABLE IF NOT EXISTS activation_keys /* shard_key: cityHash64(key_id) */ (
  key_id String,
  prefix String,
  secret_hash String,
  title String,
  tags Array(String),
  created_by String,
  created_at DateTime64(3, 'UTC'),
  revoked_at Nullable(DateTime64(3, 'UTC')),
  version UInt64,
  is_deleted UInt8
) ENGINE = ReplacingMergeTree(version, is_deleted)
ORDER BY key_id;

-- Last use lives apart from the key row, so recording a use can never overwrite a concurrent revocation.
CREATE TABLE IF NOT EXISTS activation_key_usage /* shard_key: cityHash64(key_id) */ (
  key_id String,
  last_used_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree(last_used_at)
ORDER BY key_id;

CREATE TABLE IF NOT EXISTS ingest_history /* shard_key: cityHash64(ingest_id) */ (
  ingest_id String,
  kind LowCardinality(String),
  source LowCardinality(String),
  file_name String,
  actor_id String,
  actor_label String,
  key_id String,
  started_at DateTime64(3, 'UTC'),
  duration_ms UInt32,
  bytes UInt64,
  accepted UInt32,
  rejected UInt32,
  duplicates UInt32,
  stale UInt32,
  findings UInt64,
  unknown_fields UInt64,
  outcome LowCardinality(String),
  message String
) ENGINE = MergeTree
PARTITION BY toYYYYMM(started_at)
ORDER BY (started_at, ingest_id);

CREATE TABLE IF NOT EXISTS quarantine /* shard_key: cityHash64(quarantine_id) */ (
  quarantine_id String,
  ingest_id String,
  kind LowCardinality(String),
  received_at DateTime64(3, 'UTC'),
  line UInt32,
  scan_id String,
  reason String,
  errors String,
  body String,
  body_encoding LowCardinality(String),
  body_bytes UInt64,
  truncated UInt8
) ENGINE = MergeTree
PARTITION BY toYYYYMM(received_at)
ORDER BY (received_at, quarantine_id);

CREATE TABLE IF NOT EXISTS job_results /* shard_key: cityHash64(asset_id) */ (
  job_id String,
  run_id String,
  asset_id String,
  status LowCardinality(String),
  started_at Nullable(DateTime64(3, 'UTC')),
  finished_at Nullable(DateTime64(3, 'UTC')),
  reported_at DateTime64(3, 'UTC'),
  message String,
  patch_ids Array(String),
  patch_statuses Array(LowCardinality(String)),
  patch_messages Array(String),
  received_at DateTime64(3, 'UTC'),
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (job_id, run_id, asset_id);
