-- Sign-out ends the session: the ids (jti) of sessions that signed out, refused by every later request.
-- A row is needed only until the session would have expired anyway (sign-in + the absolute session lifetime),
-- so the TTL drops it then. Each CREATE names its sharding key for cluster mode in a /* shard_key: … */ comment.
-- users.failed_logins and users.locked_until (0001) are no longer used (sign-in throttling replaced the
-- lock-out); they stay, as dropping columns gains nothing and old rows keep their values.

CREATE TABLE IF NOT EXISTS revoked_sessions /* shard_key: cityHash64(session_id) */ (
  session_id String,
  user_id String,
  revoked_at DateTime64(3, 'UTC'),
  expires_at DateTime64(3, 'UTC')
) ENGINE = MergeTree
ORDER BY session_id
TTL toDateTime(expires_at);
