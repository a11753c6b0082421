-- The subscription (one row, key 'current'; every change is a new row version) and the record of each Free fallback.
-- tier: free | trial | paid; expires_at: null = no end (a Free tier never expires). period_id: a new id on every change,
-- so "the fallback for this subscription period" has a name. A fresh install has no row until the server first reads
-- it, which writes a 30-day trial (lib/repositories/subscription.ts).
-- subscription_fallbacks: one claim row per attempt to apply the Free fallback for a period; the earliest claim of a
-- period is the one that applies it (so the fallback runs exactly once even if two checks race); a row with claim_id
-- 'applied' marks the changes done (lib/services/subscription-fallback.ts).

CREATE TABLE IF NOT EXISTS subscription /* shard_key: cityHash64(key) */ (
  key String,
  tier LowCardinality(String),
  expires_at Nullable(DateTime64(3, 'UTC')),
  period_id String,
  updated_by String,
  updated_at DateTime64(3, 'UTC'),
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY key;

CREATE TABLE IF NOT EXISTS subscription_fallbacks /* shard_key: cityHash64(period_id) */ (
  period_id String,
  claim_id String,
  claimed_at DateTime64(3, 'UTC'),
  tier LowCardinality(String),
  expires_at Nullable(DateTime64(3, 'UTC'))
) ENGINE = MergeTree
ORDER BY (period_id, claimed_at, claim_id);
