-- Per-user display preferences kept with the user: the colour theme ('system' follows the browser's prefers-color-scheme).
ALTER TABLE users ADD COLUMN IF NOT EXISTS theme LowCardinality(String) DEFAULT 'system';
