-- Recent searches remember the token-schema version they were run at, so a v1 search reopens as v1 (earlier rows were stored rebuilt to version 2).
ALTER TABLE recent_searches ADD COLUMN IF NOT EXISTS token_version UInt16 DEFAULT 2;
