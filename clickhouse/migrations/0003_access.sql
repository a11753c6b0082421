-- Access control: personal API tokens (only a SHA-256 hash of each secret is stored).
-- Each CREATE names its sharding key for cluster mode in a /* shard_key: … */ comment.

CREATE TABLE IF NOT EXISTS api_tokens /* shard_key: cityHash64(token_id) */ (
  token_id String,
  user_id String,
  name String,
  secret_hash String,
  created_at DateTime64(3, 'UTC'),
  expires_at Nullable(DateTime64(3, 'UTC')),
  revoked_at Nullable(DateTime64(3, 'UTC')),
  version UInt64,
  is_deleted UInt8
) ENGINE = ReplacingMergeTree(version, is_deleted)
ORDER BY token_id;
