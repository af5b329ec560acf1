-- Retry-safe writes: the first answer to each (user, Idempotency-Key), kept for 24 hours so a
-- retried POST gets it again instead of writing twice. status, headers (a JSON array of
-- [name, value] pairs) and body are NULL while the first request is still being processed.
CREATE TABLE idempotency_keys (
  user_id BIGINT NOT NULL REFERENCES users (id),
  idem_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  created_at TEXT NOT NULL,
  status INTEGER NULL,
  headers TEXT NULL,
  body TEXT NULL,
  PRIMARY KEY (user_id, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
