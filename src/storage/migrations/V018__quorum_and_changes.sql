-- Issue 13, a vote that means something: a proposal's decision rule and quorum, the group
-- setting an agreed proposal changes, who entered each vote, and the SOP's meetings a month as
-- agreed deliberations changed them.
ALTER TABLE deliberations ADD COLUMN rule TEXT NOT NULL DEFAULT 'majority';
UPDATE deliberations SET rule = 'consensus' WHERE method = 'consensus';
ALTER TABLE deliberations ADD COLUMN quorum INTEGER NULL;
-- The change: its setting, a number (rupiah for monthly_fee, meetings for sop_meetings), the
-- member and area (market_area), and the day it applies from.
ALTER TABLE deliberations ADD COLUMN change_setting TEXT NULL;
ALTER TABLE deliberations ADD COLUMN change_number BIGINT NULL;
ALTER TABLE deliberations ADD COLUMN change_member_id BIGINT NULL REFERENCES memberships (id);
ALTER TABLE deliberations ADD COLUMN change_area TEXT NULL;
ALTER TABLE deliberations ADD COLUMN change_effective_on TEXT NULL;

ALTER TABLE votes ADD COLUMN recorded_by BIGINT NULL REFERENCES users (id);
ALTER TABLE votes ADD COLUMN recorded_by_username TEXT NULL;

CREATE TABLE sop_changes (
  id @ID@,
  group_id BIGINT NOT NULL REFERENCES groups (id),
  from_month TEXT NOT NULL,
  meetings INTEGER NOT NULL,
  deliberation_id BIGINT NOT NULL UNIQUE REFERENCES deliberations (id),
  created_at TEXT NOT NULL
);
CREATE INDEX sop_changes_group ON sop_changes (group_id, from_month);
