-- Groups as alliances (seeds 000 and 001): groups, their members, meetings with attendance, and
-- deliberations (musyawarah) with options, votes and the norms an agreed outcome becomes.
-- Dates are ISO text ("2026-11-23"); instants as in V001.

CREATE TABLE groups (
  id @ID@,
  name TEXT NOT NULL,
  search_name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('learning_community', 'joint_business_group', 'cooperative')),
  sector TEXT NOT NULL,
  business_centre TEXT NULL,
  village_code TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('self_initiated', 'programme_formed')),
  programme_id BIGINT NULL,
  legality TEXT NULL,
  legality_date TEXT NULL,
  status TEXT NOT NULL CHECK (status IN ('embryo', 'active', 'inactive', 'dissolved')),
  status_since TEXT NOT NULL,
  founded_on TEXT NULL,
  sop_meetings_per_month INTEGER NOT NULL CHECK (sop_meetings_per_month BETWEEN 1 AND 31),
  steward_id BIGINT NULL REFERENCES stakeholders (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX groups_area ON groups (village_code, id);
CREATE INDEX groups_steward ON groups (steward_id, id);
CREATE INDEX groups_programme ON groups (programme_id, id);
CREATE INDEX groups_name ON groups (search_name, id);

CREATE TABLE memberships (
  id @ID@,
  group_id BIGINT NOT NULL REFERENCES groups (id),
  person_id BIGINT NOT NULL REFERENCES people (id),
  enterprise_id BIGINT NULL REFERENCES enterprises (id),
  role TEXT NOT NULL CHECK (role IN ('leader', 'secretary', 'treasurer', 'member')),
  mentor INTEGER NOT NULL CHECK (mentor IN (0, 1)),
  local_hero INTEGER NOT NULL CHECK (local_hero IN (0, 1)),
  joined_on TEXT NOT NULL,
  left_on TEXT NULL,
  user_id BIGINT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (left_on IS NULL OR left_on >= joined_on),
  UNIQUE (group_id, person_id),
  UNIQUE (group_id, user_id)
);
CREATE INDEX memberships_person ON memberships (person_id);
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE meetings (
  id @ID@,
  group_id BIGINT NOT NULL REFERENCES groups (id),
  kind TEXT NOT NULL CHECK (kind IN ('formal', 'informal')),
  held_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
  venue TEXT NULL,
  host_member_id BIGINT NULL REFERENCES memberships (id),
  agenda TEXT NULL,
  minutes TEXT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- Compliance counts a group's held meetings per month from this index alone.
CREATE INDEX meetings_group_day ON meetings (group_id, held_on, status, id);

CREATE TABLE attendance (
  meeting_id BIGINT NOT NULL REFERENCES meetings (id),
  member_id BIGINT NOT NULL REFERENCES memberships (id),
  presence TEXT NOT NULL CHECK (presence IN ('present', 'excused', 'absent')),
  PRIMARY KEY (meeting_id, member_id)
);

CREATE TABLE deliberations (
  id @ID@,
  group_id BIGINT NOT NULL REFERENCES groups (id),
  meeting_id BIGINT NULL REFERENCES meetings (id),
  title TEXT NOT NULL,
  description TEXT NULL,
  topic TEXT NOT NULL CHECK (topic IN ('learning_theme', 'schedule', 'venue', 'price',
                                       'market_areas', 'fee_rule', 'rule', 'other')),
  method TEXT NOT NULL CHECK (method IN ('vote', 'consensus')),
  decided INTEGER NOT NULL CHECK (decided IN (0, 1)),
  outcome TEXT NULL CHECK (outcome IN ('agreed', 'not_agreed')),
  option_id BIGINT NULL,
  decided_on TEXT NULL,
  note TEXT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((decided = 0 AND outcome IS NULL) OR (decided = 1 AND outcome IS NOT NULL))
);
CREATE INDEX deliberations_group ON deliberations (group_id, id);

CREATE TABLE deliberation_options (
  id @ID@,
  deliberation_id BIGINT NOT NULL REFERENCES deliberations (id),
  position INTEGER NOT NULL,
  label TEXT NOT NULL,
  UNIQUE (deliberation_id, position)
);

CREATE TABLE votes (
  deliberation_id BIGINT NOT NULL REFERENCES deliberations (id),
  member_id BIGINT NOT NULL REFERENCES memberships (id),
  option_id BIGINT NULL REFERENCES deliberation_options (id),
  cast_at TEXT NOT NULL,
  PRIMARY KEY (deliberation_id, member_id)
);

CREATE TABLE norms (
  id @ID@,
  group_id BIGINT NOT NULL REFERENCES groups (id),
  deliberation_id BIGINT NOT NULL UNIQUE REFERENCES deliberations (id),
  topic TEXT NOT NULL,
  text TEXT NOT NULL,
  adopted_on TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX norms_group ON norms (group_id, id);
