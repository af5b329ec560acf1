-- Accounts, sessions, API tokens, the audit log and the official regions.
-- @ID@ becomes each backend's auto-increment primary key. Instants are ISO-8601 UTC text
-- ("2026-11-23T08:51:00Z"), flags are 0/1 integers: the same SQL runs on SQLite and PostgreSQL.

CREATE TABLE users (
  id @ID@,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'officer', 'facilitator', 'group_leader', 'mentor', 'member')),
  scope_kind TEXT NULL CHECK (scope_kind IN ('stakeholder', 'programme', 'group')),
  scope_id BIGINT NULL,
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((scope_kind IS NULL AND scope_id IS NULL) OR (scope_kind IS NOT NULL AND scope_id IS NOT NULL))
);

CREATE TABLE sessions (
  id @ID@,
  user_id BIGINT NOT NULL REFERENCES users (id),
  token_hash TEXT NOT NULL UNIQUE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  revoked_at TEXT NULL,
  client_address TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id @ID@,
  user_id BIGINT NOT NULL REFERENCES users (id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT NULL
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE audit_log (
  id @ID@,
  at TEXT NOT NULL,
  actor_id BIGINT NULL REFERENCES users (id),
  actor_username TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL,
  before_json TEXT NULL,
  after_json TEXT NULL,
  request_id TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);

CREATE TABLE regions (
  code TEXT PRIMARY KEY,
  parent_code TEXT NULL,
  level SMALLINT NOT NULL CHECK (level BETWEEN 1 AND 4),
  name TEXT NOT NULL,
  search_name TEXT NOT NULL
);
CREATE INDEX regions_parent ON regions (parent_code, name);
