-- Export jobs (background CSV / XLSX exports above the direct-download limit): what to export, for whom, progress,
-- the finished file under PATCHBOARD_DATA_DIR/exports/ and when it expires. Every change is a new row version.
-- status: queued | running | done | failed | canceled | expired. query is QQL at token_version; columns are column
-- registry ids; sort is the list's sort key and dir ("" for the entity's default). error: the reason a job failed,
-- or what cancel/expiry did, in words.

CREATE TABLE IF NOT EXISTS export_jobs /* shard_key: cityHash64(job_id) */ (
  job_id String,
  user_id String,
  user_email String,
  entity LowCardinality(String),
  format LowCardinality(String),
  csv_bom Bool,
  query String,
  token_version UInt16,
  columns Array(String),
  sort String,
  dir LowCardinality(String),
  status LowCardinality(String),
  rows_written UInt64,
  rows_total UInt64,
  bytes UInt64,
  sheets UInt32,
  file_path String,
  file_name String,
  error String,
  created_at DateTime64(3, 'UTC'),
  started_at Nullable(DateTime64(3, 'UTC')),
  finished_at Nullable(DateTime64(3, 'UTC')),
  expires_at Nullable(DateTime64(3, 'UTC')),
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY job_id;
