-- Equitable targeting (issue 15): the household categories a programme may aim at, the assistance
-- every recipient has received (a summary the ledger keeps), and the rounds that freeze a ranked
-- beneficiary list with the facts it was ranked on (domain/programmes/targeting.hpp).

-- A person's household on the poverty register (DTKS, "poor") or receiving zakat (mustahik,
-- "zakat_recipient"); since when and on whose word. Sensitive: only admins and the officers of the
-- person's steward read or write it.
CREATE TABLE household_categories (
  person_id BIGINT NOT NULL REFERENCES people (id),
  category TEXT NOT NULL CHECK (category IN ('poor', 'zakat_recipient')),
  since TEXT NULL,
  source TEXT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (person_id, category)
);

-- What one recipient (an enterprise or a group) has received from anyone: how many records, their
-- value, from how many providers and the day of the last one. Recounted from the ledger in the same
-- transaction as every assistance write, so that ranking a million candidates reads one row each.
CREATE TABLE assistance_received (
  enterprise_id BIGINT NULL UNIQUE REFERENCES enterprises (id),
  group_id BIGINT NULL UNIQUE REFERENCES groups (id),
  assistance_count BIGINT NOT NULL,
  assistance_value BIGINT NOT NULL,
  providers BIGINT NOT NULL,
  last_on TEXT NULL,
  CHECK ((enterprise_id IS NULL) <> (group_id IS NULL))
);
INSERT INTO assistance_received (enterprise_id, group_id, assistance_count, assistance_value, providers, last_on)
SELECT enterprise_id, NULL, COUNT(*), SUM(value), COUNT(DISTINCT provider_id), MAX(given_on)
FROM assistance WHERE enterprise_id IS NOT NULL GROUP BY enterprise_id;
INSERT INTO assistance_received (enterprise_id, group_id, assistance_count, assistance_value, providers, last_on)
SELECT NULL, group_id, COUNT(*), SUM(value), COUNT(DISTINCT provider_id), MAX(given_on)
FROM assistance WHERE group_id IS NOT NULL GROUP BY group_id;

-- A round of a programme: the candidate list frozen on the day it was made (top `quota` by need,
-- or all), draft until an officer who manages the programme confirms it (then final: its
-- beneficiaries are enrolled) or cancels it. Rounds of one programme that are not cancelled do not
-- overlap in their period.
CREATE TABLE targeting_rounds (
  id @ID@,
  programme_id BIGINT NOT NULL REFERENCES programmes (id),
  kind TEXT NOT NULL CHECK (kind IN ('enterprise', 'group')),
  status TEXT NOT NULL CHECK (status IN ('draft', 'confirmed', 'cancelled')),
  opens_on TEXT NOT NULL,
  closes_on TEXT NOT NULL,
  quota BIGINT NULL CHECK (quota IS NULL OR quota >= 1),
  -- The filters the list was made with, besides the programme's criteria.
  region_code TEXT NULL,
  sector TEXT NULL,
  note TEXT NULL,
  -- The year the need scores were computed in, and the programme start the criteria read.
  scored_year INTEGER NOT NULL,
  criteria_starts_on TEXT NOT NULL,
  -- How many qualified when it was frozen, how many it selected, the score of the last selected.
  candidate_count BIGINT NOT NULL,
  selected_count BIGINT NOT NULL,
  cut_score BIGINT NULL,
  enrolled_count BIGINT NULL,
  created_by BIGINT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  decided_by BIGINT NULL REFERENCES users (id),
  decided_at TEXT NULL,
  updated_at TEXT NOT NULL,
  CHECK (closes_on >= opens_on)
);
CREATE INDEX targeting_rounds_programme ON targeting_rounds (programme_id, opens_on);
CREATE INDEX targeting_rounds_status ON targeting_rounds (status, kind, id);

-- The programme's criteria as they stood when the round was frozen (programme_criteria's kinds).
CREATE TABLE round_criteria (
  round_id BIGINT NOT NULL REFERENCES targeting_rounds (id),
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (round_id, kind, value)
);

-- A selected candidate with its place and score and the facts it was ranked on, copied: later
-- registry edits do not change who was selected or why.
CREATE TABLE round_beneficiaries (
  round_id BIGINT NOT NULL REFERENCES targeting_rounds (id),
  position BIGINT NOT NULL,
  enterprise_id BIGINT NULL REFERENCES enterprises (id),
  group_id BIGINT NULL REFERENCES groups (id),
  name TEXT NOT NULL,
  village_code TEXT NOT NULL,
  sector TEXT NULL,
  scale TEXT NULL,
  founded_year INTEGER NULL,
  poor INTEGER NOT NULL,
  zakat_recipient INTEGER NOT NULL,
  homogeneous INTEGER NULL,
  assistance_count BIGINT NOT NULL,
  assistance_value BIGINT NOT NULL,
  providers BIGINT NOT NULL,
  last_on TEXT NULL,
  score BIGINT NOT NULL,
  PRIMARY KEY (round_id, position),
  CHECK ((enterprise_id IS NULL) <> (group_id IS NULL))
);
CREATE INDEX round_beneficiaries_enterprise ON round_beneficiaries (enterprise_id, round_id);
CREATE INDEX round_beneficiaries_group ON round_beneficiaries (group_id, round_id);
