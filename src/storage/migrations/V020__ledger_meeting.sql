-- Issue 13, the group leader: the fees paid at a meeting are recorded on one sheet, and each
-- entry keeps the meeting it was recorded at, so that the meeting shows who has paid and a
-- member's fee is not recorded twice for the same meeting.
ALTER TABLE ledger_entries ADD COLUMN meeting_id BIGINT NULL REFERENCES meetings (id);
CREATE INDEX ledger_entries_meeting ON ledger_entries (meeting_id);
