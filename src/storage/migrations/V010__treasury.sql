-- A group's treasury (seed 001): a double-entry ledger whose posted entries are never edited
-- (a correction is a reversing entry), fee rules, and common assets such as the group shop.
-- Amounts are whole rupiah.

CREATE TABLE common_assets (
  id @ID@,
  group_id BIGINT NOT NULL REFERENCES groups (id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('shop', 'equipment', 'other')),
  source TEXT NOT NULL CHECK (source IN ('aid', 'fees', 'other')),
  value BIGINT NOT NULL CHECK (value >= 0),
  acquired_on TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX common_assets_group ON common_assets (group_id, id);

CREATE TABLE ledger_entries (
  id @ID@,
  group_id BIGINT NOT NULL REFERENCES groups (id),
  entry_date TEXT NOT NULL,
  kind TEXT NOT NULL,
  memo TEXT NOT NULL,
  amount BIGINT NOT NULL CHECK (amount > 0),
  reverses_id BIGINT NULL UNIQUE REFERENCES ledger_entries (id),
  asset_id BIGINT NULL REFERENCES common_assets (id),
  created_by BIGINT NULL REFERENCES users (id),
  created_by_username TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX ledger_entries_group_day ON ledger_entries (group_id, entry_date, id);

CREATE TABLE ledger_lines (
  entry_id BIGINT NOT NULL REFERENCES ledger_entries (id),
  line_no INTEGER NOT NULL,
  group_id BIGINT NOT NULL REFERENCES groups (id),
  entry_date TEXT NOT NULL,
  account TEXT NOT NULL CHECK (account IN ('cash', 'fees_receivable', 'common_assets', 'aid_received',
                                           'member_fees', 'shop_revenue', 'purchases', 'expenses')),
  debit BIGINT NOT NULL CHECK (debit >= 0),
  credit BIGINT NOT NULL CHECK (credit >= 0),
  member_id BIGINT NULL REFERENCES memberships (id),
  PRIMARY KEY (entry_id, line_no),
  CHECK ((debit > 0 AND credit = 0) OR (debit = 0 AND credit > 0))
);
-- Balances and statements add the lines of a group up to a day from this index alone.
CREATE INDEX ledger_lines_balance ON ledger_lines (group_id, account, entry_date, debit, credit);
CREATE INDEX ledger_lines_member ON ledger_lines (member_id, account);

CREATE TABLE fee_rules (
  id @ID@,
  group_id BIGINT NOT NULL REFERENCES groups (id),
  amount BIGINT NOT NULL CHECK (amount > 0),
  from_month TEXT NOT NULL,
  deliberation_id BIGINT NULL REFERENCES deliberations (id),
  created_at TEXT NOT NULL,
  UNIQUE (group_id, from_month)
);
