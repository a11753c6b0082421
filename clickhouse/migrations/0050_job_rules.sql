-- The columns the job rules need (lib/services/jobs-rules.ts): exclusion match, why the server disabled a job, the
-- owners' scopes a job's assets must also fall in after a change of owner, when a run-once or on-demand job was enabled (it
-- is locked, its assets fixed, from then on), who created and saved it (an advisory: the Patch Security user), and who assigned an advisory to its owner.
-- revision: the edit revision users save against (a run's bookkeeping writes a new row version, not a new revision).
-- scope_constraints: JSON of TagScope[] ('' = none). Download randomisation and opportunistic download live in `options` JSON.
ALTER TABLE jobs ADD COLUMN IF NOT EXISTS exclusion_tag_match LowCardinality(String) DEFAULT 'Any';
ALTER TABLE jobs ADD COLUMN IF NOT EXISTS disabled_reason String DEFAULT '';
ALTER TABLE jobs ADD COLUMN IF NOT EXISTS scope_constraints String DEFAULT '';
ALTER TABLE jobs ADD COLUMN IF NOT EXISTS first_enabled_at Nullable(DateTime64(3, 'UTC'));
ALTER TABLE jobs ADD COLUMN IF NOT EXISTS created_by_id String DEFAULT '';
ALTER TABLE jobs ADD COLUMN IF NOT EXISTS created_by_email String DEFAULT '';
ALTER TABLE jobs ADD COLUMN IF NOT EXISTS updated_by_id String DEFAULT '';
ALTER TABLE jobs ADD COLUMN IF NOT EXISTS updated_by_email String DEFAULT '';
ALTER TABLE jobs ADD COLUMN IF NOT EXISTS assigned_by_email String DEFAULT '';
ALTER TABLE jobs ADD COLUMN IF NOT EXISTS assigned_at Nullable(DateTime64(3, 'UTC'));
ALTER TABLE jobs ADD COLUMN IF NOT EXISTS revision UInt32 DEFAULT 1
