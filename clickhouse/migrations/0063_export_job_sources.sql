-- Export jobs of service-backed lists (the Jobs list, a job run's progress): source_options is the JSON of the screen's
-- validated parameters (jobs: q, v, status, scheduleType, type, mine, coAuthored, sort, dir; job progress: job, runId,
-- status, q), re-validated with the same schemas when the job runs ('' for Assets, Patches and Findings, whose query and
-- sort are their own columns). title: what My exports calls the export ("Jobs", "Job progress: <job name>"; '' = the entity).

ALTER TABLE export_jobs ADD COLUMN IF NOT EXISTS source_options String DEFAULT '';

ALTER TABLE export_jobs ADD COLUMN IF NOT EXISTS title String DEFAULT ''
