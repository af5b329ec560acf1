-- PostgreSQL reads an index backwards only in the exact reverse of its order, and the
-- registry sorts unknown turnovers last both ways: a list sorted by -turnover (the largest
-- first, the usual question) could not use enterprises_turnover and sorted the whole match.
-- The index now follows that order; a list by +turnover sorts its match instead. (SQLite's
-- planner serves both orders from the index of V005 and keeps it.)
DROP INDEX enterprises_turnover;
CREATE INDEX enterprises_turnover ON enterprises (turnover DESC NULLS LAST, id DESC);
