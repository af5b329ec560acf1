-- Lists at a million enterprises: a registry page sorted by turnover walks this index, and a
-- sector filter is answered from enterprises_area alone (counts and drill-down read no rows).
DROP INDEX enterprises_area;
CREATE INDEX enterprises_area ON enterprises (village_code, status, scale, verified_at, sector);
CREATE INDEX enterprises_turnover ON enterprises (turnover, id);
