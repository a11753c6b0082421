-- Saved searches (per user, private or shared, with the token-schema version they were written in) and recent searches.

CREATE TABLE IF NOT EXISTS saved_searches /* shard_key: cityHash64(search_id) */ (
  search_id String,
  owner_id String,
  owner_email String,
  name String,
  entity LowCardinality(String),
  query String,
  token_version UInt16,
  shared Bool,
  created_at DateTime64(3, 'UTC'),
  updated_at DateTime64(3, 'UTC'),
  version UInt64,
  is_deleted UInt8
) ENGINE = ReplacingMergeTree(version, is_deleted)
ORDER BY search_id;

CREATE TABLE IF NOT EXISTS recent_searches /* shard_key: cityHash64(user_id) */ (
  user_id String,
  entity LowCardinality(String),
  query String,
  at DateTime64(3, 'UTC')
) ENGINE = MergeTree
ORDER BY (user_id, at)
TTL toDateTime(at) + INTERVAL 90 DAY;
