-- Patch jobs (deploy = Install, or Uninstall): what to patch, where, when, with which options; searched with QQL.
-- Each CREATE names its sharding key for cluster mode in a /* shard_key: … */ comment.
-- Enumerated columns hold '' until chosen (a job advisory from Patch Security carries only its patch list).
-- schedule: JSON of the schedule's details (days, time, nth weekday, Patch Tuesday offset…), '' when none.
-- time_zone: an IANA zone, '' for the agent's own time zone. options: JSON (reboot suppress / defer count,
-- user messages, opportunistic download). dynamic_patch_query: a QQL patches query at dynamic_query_version.

CREATE TABLE IF NOT EXISTS jobs /* shard_key: cityHash64(job_id) */ (
  job_id String,
  name String,
  description String,
  type LowCardinality(String),
  status LowCardinality(String),
  is_advisory Bool,
  owner_id String,
  owner_email String,
  co_author_ids Array(String),
  co_author_emails Array(String),
  patch_ids Array(String),
  dynamic_patch_query String,
  dynamic_query_version UInt16,
  target_asset_ids Array(String),
  target_tags Array(String),
  target_tag_match LowCardinality(String),
  exclusion_tags Array(String),
  schedule_type LowCardinality(String),
  schedule String,
  time_zone String,
  patch_window_minutes UInt32,
  options String,
  created_at DateTime64(3, 'UTC'),
  updated_at DateTime64(3, 'UTC'),
  last_run_at Nullable(DateTime64(3, 'UTC')),
  next_run_at Nullable(DateTime64(3, 'UTC')),
  version UInt64,
  is_deleted UInt8
) ENGINE = ReplacingMergeTree(version, is_deleted)
ORDER BY job_id;
