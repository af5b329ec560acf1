-- Empowerment programmes (issue 15; seeds 001 and 002): a programme owned by a stakeholder with its
-- partners (each with the helix role it plays here), the empowerment factors it gives, its
-- eligibility criteria as structured filters, its period, SOPs, budget, exit strategy and
-- follow-up schedule; and the groups and enterprises enrolled in it, each with a facilitator.

CREATE TABLE programmes (
  id @ID@,
  name TEXT NOT NULL,
  search_name TEXT NOT NULL,
  owner_id BIGINT NOT NULL REFERENCES stakeholders (id),
  description TEXT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'closed')),
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  -- Seed 002's four factors of empowerment; a programme gives at least one.
  capital_access INTEGER NOT NULL CHECK (capital_access IN (0, 1)),
  human_resources INTEGER NOT NULL CHECK (human_resources IN (0, 1)),
  partnership INTEGER NOT NULL CHECK (partnership IN (0, 1)),
  market_strengthening INTEGER NOT NULL CHECK (market_strengthening IN (0, 1)),
  -- What the programme's SOP asks of an enrolled group (seed 001: a meeting a month, reports).
  sop_meetings_per_month INTEGER NOT NULL CHECK (sop_meetings_per_month BETWEEN 0 AND 31),
  sop_reports_per_year INTEGER NOT NULL CHECK (sop_reports_per_year BETWEEN 0 AND 52),
  budget BIGINT NOT NULL CHECK (budget >= 0),
  exit_strategy TEXT NULL,
  -- Months after the end when the groups are visited again, ascending ("3,6,12").
  follow_up_months TEXT NOT NULL,
  created_by BIGINT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (ends_on >= starts_on),
  CHECK (capital_access + human_resources + partnership + market_strengthening >= 1)
);
CREATE INDEX programmes_owner ON programmes (owner_id, id);
CREATE INDEX programmes_name ON programmes (search_name, id);

-- The owner and the partners, each with the helix role it plays in this programme (a bank's zakat
-- foundation is civil society here though its bank is business) and what it contributes.
CREATE TABLE programme_partners (
  programme_id BIGINT NOT NULL REFERENCES programmes (id),
  stakeholder_id BIGINT NOT NULL REFERENCES stakeholders (id),
  role TEXT NOT NULL CHECK (role IN ('owner', 'partner')),
  helix TEXT NOT NULL CHECK (helix IN ('government', 'business', 'academia', 'civil_society')),
  contribution TEXT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (programme_id, stakeholder_id)
);
CREATE INDEX programme_partners_stakeholder ON programme_partners (stakeholder_id, programme_id);

-- Eligibility as structured filters: values of one kind are alternatives, kinds all apply.
-- region: a region code (province, regency, district or village) the candidate lies in;
-- sector, scale: the registry's values; founded_within_years: a number; homogeneous: a group
-- whose members share one sector ("1"); category: poor, zakat_recipient.
CREATE TABLE programme_criteria (
  programme_id BIGINT NOT NULL REFERENCES programmes (id),
  kind TEXT NOT NULL CHECK (kind IN ('region', 'sector', 'scale', 'founded_within_years', 'homogeneous',
                                     'category')),
  value TEXT NOT NULL,
  PRIMARY KEY (programme_id, kind, value)
);

-- A group or an enterprise in a programme. Enrolling one outside the criteria needs a reason and
-- is flagged by it; leaving keeps the row (its history counts in the dashboards).
CREATE TABLE enrolments (
  id @ID@,
  programme_id BIGINT NOT NULL REFERENCES programmes (id),
  group_id BIGINT NULL REFERENCES groups (id),
  enterprise_id BIGINT NULL REFERENCES enterprises (id),
  facilitator_id BIGINT NULL REFERENCES users (id),
  enrolled_on TEXT NOT NULL,
  left_on TEXT NULL,
  outside_criteria_reason TEXT NULL,
  created_by BIGINT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((group_id IS NULL) <> (enterprise_id IS NULL)),
  CHECK (left_on IS NULL OR left_on >= enrolled_on),
  UNIQUE (programme_id, group_id),
  UNIQUE (programme_id, enterprise_id)
);
CREATE INDEX enrolments_group ON enrolments (group_id, programme_id);
CREATE INDEX enrolments_enterprise ON enrolments (enterprise_id, programme_id);
CREATE INDEX enrolments_facilitator ON enrolments (facilitator_id, programme_id);
