-- Job runs (lib/services/job-runs.ts): one row per run of a job, created when the run is due (the scheduler, Run now,
-- enabling an on-demand job). run_id is derived from job_id and scheduled_at, so creating the same run twice — two
-- concurrent calls, a restart between creating it and advancing the job — writes the same row again, never a second run.
-- window_ends_at: when the patch window closes (agents stop picking the run up). patch_ids: the resolved patch list
-- (a dynamic query resolved at creation). options: JSON of the job options plus downloadRandomizationMinutes and
-- opportunisticDownload. trigger: schedule | manual | enable.
-- job_run_assets: one row per run and asset with the server's status (Assigned, or Skipped: … with the reason); the
-- agents' reports stay in job_results (the latest report per run and asset wins over the server status).

CREATE TABLE IF NOT EXISTS job_runs /* shard_key: cityHash64(run_id) */ (
  run_id String,
  job_id String,
  job_name String,
  job_type LowCardinality(String),
  owner_id String,
  trigger LowCardinality(String),
  scheduled_at DateTime64(3, 'UTC'),
  window_ends_at DateTime64(3, 'UTC'),
  patch_ids Array(String),
  options String,
  asset_count UInt32,
  created_at DateTime64(3, 'UTC'),
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY run_id;

CREATE TABLE IF NOT EXISTS job_run_assets /* shard_key: cityHash64(asset_id) */ (
  run_id String,
  job_id String,
  asset_id String,
  status LowCardinality(String),
  created_at DateTime64(3, 'UTC'),
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (run_id, asset_id);
