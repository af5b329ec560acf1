-- Incidental learning (seed 000): a mentee's help request, the advice her mentors give, each
-- rework she logs as an attempt, and the photo of what failed.
--
-- The photo is kept in the database, in the same transaction as the request it belongs to, so a
-- server killed half-way leaves either both or neither, a backup holds it, and a PostgreSQL
-- deployment stays stateless behind its load balancer (no files on one server's disk). It is
-- base64 text: one column type and one SQL for both backends, where a blob is a large object on
-- PostgreSQL through SOCI. The re-encoded JPEGs are small (about 150–400 kB at 1600 px and
-- 10–30 kB as a thumbnail), so the third more that base64 takes costs little, and the table is
-- read only by the photo's own GET: lists never touch it.

CREATE TABLE help_requests (
  id @ID@,
  group_id BIGINT NOT NULL REFERENCES groups (id),
  member_id BIGINT NOT NULL REFERENCES memberships (id),
  competency_id BIGINT NULL REFERENCES competencies (id),
  title TEXT NOT NULL,
  description TEXT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'advised', 'resolved', 'abandoned')),
  reported_by BIGINT NULL REFERENCES users (id),
  reported_by_username TEXT NOT NULL,
  reported_by_member BIGINT NULL REFERENCES memberships (id),
  closed_by BIGINT NULL REFERENCES users (id),
  closed_by_username TEXT NULL,
  closed_by_member BIGINT NULL REFERENCES memberships (id),
  close_note TEXT NULL,
  knowledge_post_id BIGINT NULL UNIQUE REFERENCES knowledge_posts (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  first_advice_at TEXT NULL,
  closed_at TEXT NULL
);
-- A group's requests by status, the longest waiting first (a mentor's open requests); a member's
-- own by the same order.
CREATE INDEX help_requests_group ON help_requests (group_id, status, created_at);
CREATE INDEX help_requests_member ON help_requests (member_id, status, created_at);

CREATE TABLE help_advice (
  id @ID@,
  request_id BIGINT NOT NULL REFERENCES help_requests (id),
  author BIGINT NULL REFERENCES users (id),
  author_username TEXT NOT NULL,
  author_member BIGINT NULL REFERENCES memberships (id),
  text TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX help_advice_request ON help_advice (request_id, id);

CREATE TABLE help_attempts (
  id @ID@,
  request_id BIGINT NOT NULL REFERENCES help_requests (id),
  note TEXT NOT NULL,
  attempted_on TEXT NOT NULL,
  recorded_by BIGINT NULL REFERENCES users (id),
  recorded_by_username TEXT NOT NULL,
  recorded_by_member BIGINT NULL REFERENCES memberships (id),
  created_at TEXT NOT NULL
);
CREATE INDEX help_attempts_request ON help_attempts (request_id, id);

CREATE TABLE help_request_photos (
  request_id BIGINT NOT NULL PRIMARY KEY REFERENCES help_requests (id),
  photo TEXT NOT NULL,
  photo_width INTEGER NOT NULL CHECK (photo_width > 0),
  photo_height INTEGER NOT NULL CHECK (photo_height > 0),
  thumbnail TEXT NOT NULL,
  thumbnail_width INTEGER NOT NULL CHECK (thumbnail_width > 0),
  thumbnail_height INTEGER NOT NULL CHECK (thumbnail_height > 0),
  uploaded_by BIGINT NULL REFERENCES users (id),
  created_at TEXT NOT NULL
);
