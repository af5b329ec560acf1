-- Secondary indexes of people and enterprises set aside while a large import loads an empty
-- registry; the import builds them again from these definitions when it ends (or, killed
-- half-way, when it is resumed or fails). Suspending and restoring each run in one transaction
-- with the rows of this table, so an index is never lost.
CREATE TABLE suspended_indexes (
  name TEXT PRIMARY KEY,
  table_name TEXT NOT NULL,
  definition TEXT NOT NULL
);
