-- Agents' time zones (a job with time zone '' runs at its wall-clock time in each asset's own zone).
-- assets.time_zone: the IANA zone the asset's latest scan reported ('' when never reported: UTC).
-- job_run_assets.due_at / window_ends_at: when that asset's part of the run is due and when its patch window closes
-- (NULL on runs written before this migration and whenever they equal the run's own scheduled_at / window_ends_at).

ALTER TABLE assets ADD COLUMN IF NOT EXISTS time_zone String DEFAULT '';

ALTER TABLE job_run_assets ADD COLUMN IF NOT EXISTS due_at Nullable(DateTime64(3, 'UTC'));

ALTER TABLE job_run_assets ADD COLUMN IF NOT EXISTS window_ends_at Nullable(DateTime64(3, 'UTC'));
