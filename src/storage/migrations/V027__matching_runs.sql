-- Mentor matching runs (issue 14): an officer's request to match the mentees of some groups with
-- mentors, run as a background job with its progress, then the proposal it found (pairs with
-- each term of their score, mentees left unplaced with the reason) until an officer publishes it.
-- The result rows are written in one transaction with the run's success: a run never holds half.

CREATE TABLE matching_runs (
  id @ID@,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'published')),
  default_capacity INTEGER NOT NULL CHECK (default_capacity BETWEEN 1 AND 50),
  top_k INTEGER NULL CHECK (top_k IS NULL OR top_k >= 1),
  stage TEXT NULL,
  done BIGINT NOT NULL,
  total BIGINT NOT NULL,
  error TEXT NULL,
  total_score BIGINT NULL,
  created_by BIGINT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  started_at TEXT NULL,
  finished_at TEXT NULL,
  published_by BIGINT NULL REFERENCES users (id),
  published_at TEXT NULL
);
CREATE INDEX matching_runs_status ON matching_runs (status, id);

CREATE TABLE matching_run_groups (
  run_id BIGINT NOT NULL REFERENCES matching_runs (id),
  group_id BIGINT NOT NULL REFERENCES groups (id),
  PRIMARY KEY (run_id, group_id)
);
CREATE INDEX matching_run_groups_group ON matching_run_groups (group_id, run_id);

-- A mentor's capacity in this run other than the default (0: on leave).
CREATE TABLE matching_run_capacities (
  run_id BIGINT NOT NULL REFERENCES matching_runs (id),
  person_id BIGINT NOT NULL REFERENCES people (id),
  capacity INTEGER NOT NULL CHECK (capacity BETWEEN 0 AND 50),
  PRIMARY KEY (run_id, person_id)
);

CREATE TABLE matching_pairs (
  run_id BIGINT NOT NULL REFERENCES matching_runs (id),
  position INTEGER NOT NULL,
  mentee_member_id BIGINT NOT NULL REFERENCES memberships (id),
  mentor_person_id BIGINT NOT NULL REFERENCES people (id),
  mentor_member_id BIGINT NULL REFERENCES memberships (id),
  origin TEXT NOT NULL CHECK (origin IN ('community', 'external')),
  total INTEGER NOT NULL,
  values_points INTEGER NOT NULL,
  values_answered INTEGER NOT NULL CHECK (values_answered IN (0, 1)),
  coverage INTEGER NOT NULL,
  proximity INTEGER NOT NULL,
  proximity_kind TEXT NOT NULL CHECK (proximity_kind IN ('none', 'same_village', 'same_group')),
  community INTEGER NOT NULL,
  covered TEXT NOT NULL,
  PRIMARY KEY (run_id, position)
);

CREATE TABLE matching_unplaced (
  run_id BIGINT NOT NULL REFERENCES matching_runs (id),
  position INTEGER NOT NULL,
  member_id BIGINT NOT NULL REFERENCES memberships (id),
  reason TEXT NOT NULL CHECK (reason IN ('no_mentor_covers', 'capacity')),
  uncovered TEXT NOT NULL,
  PRIMARY KEY (run_id, position)
);
