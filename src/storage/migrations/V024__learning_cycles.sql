-- Community mentoring (seed 000): who mentors whom, and learning cycles — planned by the group's
-- deliberation, carried out in sessions that are the group's meetings, evaluated per mentee and
-- target competency. Completion is computed from the evaluations, never stored.

CREATE TABLE mentorships (
  id @ID@,
  group_id BIGINT NOT NULL REFERENCES groups (id),
  mentor_person_id BIGINT NOT NULL REFERENCES people (id),
  mentor_member_id BIGINT NULL REFERENCES memberships (id),
  mentee_member_id BIGINT NOT NULL REFERENCES memberships (id),
  origin TEXT NOT NULL CHECK (origin IN ('community', 'external')),
  started_on TEXT NOT NULL,
  ended_on TEXT NULL,
  note TEXT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (ended_on IS NULL OR ended_on >= started_on),
  CHECK (origin = 'external' OR mentor_member_id IS NOT NULL)
);
CREATE INDEX mentorships_group ON mentorships (group_id, started_on, id);
CREATE INDEX mentorships_mentee ON mentorships (mentee_member_id, mentor_person_id);
CREATE INDEX mentorships_mentor ON mentorships (mentor_person_id, id);

CREATE TABLE learning_cycles (
  id @ID@,
  group_id BIGINT NOT NULL REFERENCES groups (id),
  title TEXT NOT NULL,
  theme TEXT NULL,
  deliberation_id BIGINT NULL REFERENCES deliberations (id),
  status TEXT NOT NULL CHECK (status IN ('planning', 'implementation', 'evaluation', 'closed')),
  status_since TEXT NOT NULL,
  mentor_person_id BIGINT NOT NULL REFERENCES people (id),
  mentor_member_id BIGINT NULL REFERENCES memberships (id),
  mentor_origin TEXT NOT NULL CHECK (mentor_origin IN ('community', 'external')),
  venue TEXT NULL,
  host_member_id BIGINT NULL REFERENCES memberships (id),
  time_allocation TEXT NULL,
  facilities TEXT NULL,
  planned_from TEXT NULL,
  planned_to TEXT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (planned_to IS NULL OR planned_from IS NULL OR planned_to >= planned_from),
  CHECK (mentor_origin = 'external' OR mentor_member_id IS NOT NULL)
);
CREATE INDEX learning_cycles_group ON learning_cycles (group_id, status, id);

CREATE TABLE cycle_targets (
  cycle_id BIGINT NOT NULL REFERENCES learning_cycles (id),
  competency_id BIGINT NOT NULL REFERENCES competencies (id),
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
  position INTEGER NOT NULL,
  PRIMARY KEY (cycle_id, competency_id)
);

CREATE TABLE cycle_mentees (
  cycle_id BIGINT NOT NULL REFERENCES learning_cycles (id),
  member_id BIGINT NOT NULL REFERENCES memberships (id),
  PRIMARY KEY (cycle_id, member_id)
);
CREATE INDEX cycle_mentees_member ON cycle_mentees (member_id, cycle_id);

-- A session is one of the group's meetings: its date, venue and attendance are the meeting's.
CREATE TABLE cycle_sessions (
  id @ID@,
  cycle_id BIGINT NOT NULL REFERENCES learning_cycles (id),
  meeting_id BIGINT NOT NULL UNIQUE REFERENCES meetings (id),
  practice TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX cycle_sessions_cycle ON cycle_sessions (cycle_id, id);

CREATE TABLE cycle_evaluations (
  id @ID@,
  cycle_id BIGINT NOT NULL REFERENCES learning_cycles (id),
  member_id BIGINT NOT NULL REFERENCES memberships (id),
  competency_id BIGINT NOT NULL REFERENCES competencies (id),
  achieved INTEGER NOT NULL CHECK (achieved IN (0, 1)),
  level INTEGER NULL CHECK (level BETWEEN 1 AND 3),
  notes TEXT NULL,
  evaluated_on TEXT NOT NULL,
  on_request INTEGER NOT NULL CHECK (on_request IN (0, 1)),
  evaluated_by BIGINT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  UNIQUE (cycle_id, member_id, competency_id),
  FOREIGN KEY (cycle_id, member_id) REFERENCES cycle_mentees (cycle_id, member_id),
  FOREIGN KEY (cycle_id, competency_id) REFERENCES cycle_targets (cycle_id, competency_id)
);
