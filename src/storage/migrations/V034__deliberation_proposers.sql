-- Members propose learning themes (issue 14, seed 000: planning by deliberation starts from what
-- the members bring, often a market trend). The member who put a proposal, when it was one of
-- them rather than the leader or secretary recording it; NULL for those recorded by an officer.
ALTER TABLE deliberations ADD COLUMN proposed_by_member_id BIGINT NULL REFERENCES memberships (id);
