-- Seed 000's Table 1 whole: what a person does besides her enterprise (housewife, employee, a
-- batik mentor), and how much of a member's joining is known (a year, a month or the day).
ALTER TABLE people ADD COLUMN occupation TEXT NULL;
ALTER TABLE memberships ADD COLUMN joined_precision TEXT NOT NULL DEFAULT 'day';
