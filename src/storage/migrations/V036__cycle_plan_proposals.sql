-- A cycle's time allocation and venue chosen by the group (issue 14, seed 000: planning by
-- deliberation chooses the theme, the time, the place and what it needs). Beside the theme's
-- proposal (deliberation_id), the proposals that chose the schedule (topic schedule) and the
-- venue with its facilities (topic venue); the agreed options become the cycle's time_allocation
-- and venue when it moves to implementation.
ALTER TABLE learning_cycles ADD COLUMN schedule_deliberation_id BIGINT NULL REFERENCES deliberations (id);
ALTER TABLE learning_cycles ADD COLUMN venue_deliberation_id BIGINT NULL REFERENCES deliberations (id);
