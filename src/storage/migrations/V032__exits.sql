-- Exit to a local hero and the follow-ups after it (issue 15; seed 001: at the end of the YBM
-- programme coaching is handed to "a person from the group who is considered capable of being the
-- driving force of the group", and groups are visited again after the end).
--
-- A nomination names a current member of an enrolled group as its local hero, with a readiness
-- checklist of three items (leads meetings, keeps the books, has an outside network), each met or
-- not with its evidence and the day it was checked. One nomination per enrolment is current at a
-- time; a re-nomination closes the one before it (replaced_at) and keeps it as history. The
-- hand-over is written on the current nomination and on the enrolment (handed_over_on).

CREATE TABLE exit_nominations (
  id @ID@,
  enrolment_id BIGINT NOT NULL REFERENCES enrolments (id),
  programme_id BIGINT NOT NULL REFERENCES programmes (id),
  group_id BIGINT NOT NULL REFERENCES groups (id),
  member_id BIGINT NOT NULL REFERENCES memberships (id),
  nominated_on TEXT NOT NULL,
  note TEXT NULL,
  leads_meetings INTEGER NOT NULL CHECK (leads_meetings IN (0, 1)),
  leads_meetings_evidence TEXT NULL,
  leads_meetings_checked_on TEXT NULL,
  keeps_books INTEGER NOT NULL CHECK (keeps_books IN (0, 1)),
  keeps_books_evidence TEXT NULL,
  keeps_books_checked_on TEXT NULL,
  outside_network INTEGER NOT NULL CHECK (outside_network IN (0, 1)),
  outside_network_evidence TEXT NULL,
  outside_network_checked_on TEXT NULL,
  handed_over_on TEXT NULL,
  handed_over_by BIGINT NULL REFERENCES users (id),
  hand_over_note TEXT NULL,
  replaced_at TEXT NULL,
  created_by BIGINT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (handed_over_on IS NULL OR handed_over_on >= nominated_on),
  CHECK (handed_over_on IS NULL OR replaced_at IS NULL)
);
-- One current nomination per enrolment; the history by enrolment, newest first.
CREATE UNIQUE INDEX exit_nominations_current ON exit_nominations (enrolment_id) WHERE replaced_at IS NULL;
CREATE INDEX exit_nominations_programme ON exit_nominations (programme_id, group_id, id);

ALTER TABLE enrolments ADD COLUMN handed_over_on TEXT NULL;

-- A visit to an enrolled group after its programme ended, answering one month of the programme's
-- follow_up_months (NULL: a visit outside the schedule). What the visitor found: the group's
-- status, its members still active, whether it still meets as the SOP asks, whether its local hero
-- still coaches it (NULL when no coaching was handed over).
CREATE TABLE follow_ups (
  id @ID@,
  enrolment_id BIGINT NOT NULL REFERENCES enrolments (id),
  programme_id BIGINT NOT NULL REFERENCES programmes (id),
  group_id BIGINT NOT NULL REFERENCES groups (id),
  follow_up_month INTEGER NULL CHECK (follow_up_month IS NULL OR follow_up_month BETWEEN 1 AND 120),
  visited_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'struggling', 'dormant', 'dissolved')),
  active_members INTEGER NOT NULL CHECK (active_members >= 0),
  meets_sop INTEGER NOT NULL CHECK (meets_sop IN (0, 1)),
  hero_coaching INTEGER NULL CHECK (hero_coaching IN (0, 1)),
  note TEXT NULL,
  recorded_by BIGINT NULL REFERENCES users (id),
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX follow_ups_month ON follow_ups (enrolment_id, follow_up_month) WHERE follow_up_month IS NOT NULL;
CREATE INDEX follow_ups_programme ON follow_ups (programme_id, group_id, visited_on, id);
