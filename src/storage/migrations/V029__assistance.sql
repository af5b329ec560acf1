-- The assistance ledger of the empowerment programmes (issue 15): every benefit that reached an
-- enterprise or a group, who gave it, under which programme, when and what it was worth; and the
-- soft loans among them with their repayments. A loan's schedule, arrears and the portfolio at
-- risk are computed from its terms and repayments (domain/programmes/loans.hpp), never stored;
-- so are the duplicates across providers and a programme's committed and disbursed money.

CREATE TABLE assistance (
  id @ID@,
  programme_id BIGINT NULL REFERENCES programmes (id),
  provider_id BIGINT NOT NULL REFERENCES stakeholders (id),
  enterprise_id BIGINT NULL REFERENCES enterprises (id),
  group_id BIGINT NULL REFERENCES groups (id),
  kind TEXT NOT NULL CHECK (kind IN ('soft_loan', 'grant', 'working_capital', 'equipment', 'training_seat',
                                     'exhibition_slot', 'market_access', 'consultation')),
  -- Whole rupiah; a loan's principal.
  value BIGINT NOT NULL CHECK (value >= 0),
  given_on TEXT NOT NULL,
  -- The end of a period (a course, a stall at an exhibition); NULL for a benefit of one day.
  until_on TEXT NULL,
  -- When it reached the recipient: NULL while it is only committed. A loan's disbursement.
  disbursed_on TEXT NULL,
  description TEXT NULL,
  -- Why it was kept although it took its programme over budget.
  over_budget_reason TEXT NULL,
  created_by BIGINT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((enterprise_id IS NULL) <> (group_id IS NULL)),
  CHECK (until_on IS NULL OR until_on >= given_on)
);
-- A recipient's records by kind and day: its list, and the probe for duplicates (same kind, same
-- recipient, overlapping period) that every read of a record makes.
CREATE INDEX assistance_enterprise ON assistance (enterprise_id, kind, given_on);
CREATE INDEX assistance_group ON assistance (group_id, kind, given_on);
-- A programme's records (its budget's sums, its loan book) and a provider's.
CREATE INDEX assistance_programme ON assistance (programme_id, given_on);
CREATE INDEX assistance_provider ON assistance (provider_id, given_on);
-- Everything of a kind over a span of days (the equity dashboard, the ledger filtered by kind).
CREATE INDEX assistance_kind ON assistance (kind, given_on);

-- A soft loan's own terms; its principal is the assistance's value and its disbursement the
-- assistance's disbursed_on.
CREATE TABLE loans (
  assistance_id BIGINT NOT NULL PRIMARY KEY REFERENCES assistance (id),
  annual_rate_bp BIGINT NOT NULL CHECK (annual_rate_bp BETWEEN 0 AND 10000),
  term_months INTEGER NOT NULL CHECK (term_months BETWEEN 1 AND 120),
  method TEXT NOT NULL CHECK (method IN ('flat', 'declining')),
  first_due_on TEXT NOT NULL
);

CREATE TABLE loan_repayments (
  id @ID@,
  loan_id BIGINT NOT NULL REFERENCES loans (assistance_id),
  paid_on TEXT NOT NULL,
  amount BIGINT NOT NULL CHECK (amount > 0),
  -- NULL for the console.
  recorded_by BIGINT NULL REFERENCES users (id),
  created_at TEXT NOT NULL
);
CREATE INDEX loan_repayments_loan ON loan_repayments (loan_id, paid_on, id);
