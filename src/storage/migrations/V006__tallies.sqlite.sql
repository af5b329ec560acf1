-- Exact counts of enterprises per regency, sector, scale, status and month of verification
-- ('' when unknown or never verified), kept in step by triggers in the transaction of each
-- write. List totals and the drill-down to provinces and regencies add these up instead of
-- counting up to a million rows; the stale cut-off's own month is counted from enterprises.
-- A bulk load suspends the triggers and counts the table again when it ends.
CREATE TABLE enterprise_tallies (
  regency TEXT NOT NULL,
  sector TEXT NOT NULL,
  scale TEXT NOT NULL,
  status TEXT NOT NULL,
  verified_month TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (regency, sector, scale, status, verified_month)
) WITHOUT ROWID;
INSERT INTO enterprise_tallies (regency, sector, scale, status, verified_month, n)
  SELECT substr(village_code, 1, 5), sector, COALESCE(scale, ''), status,
         COALESCE(substr(verified_at, 1, 7), ''), COUNT(*)
  FROM enterprises GROUP BY 1, 2, 3, 4, 5;
CREATE TRIGGER enterprise_tally_insert AFTER INSERT ON enterprises BEGIN
  INSERT INTO enterprise_tallies (regency, sector, scale, status, verified_month, n)
    VALUES (substr(new.village_code, 1, 5), new.sector, COALESCE(new.scale, ''), new.status,
            COALESCE(substr(new.verified_at, 1, 7), ''), 1)
    ON CONFLICT (regency, sector, scale, status, verified_month) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER enterprise_tally_delete AFTER DELETE ON enterprises BEGIN
  UPDATE enterprise_tallies SET n = n - 1
    WHERE regency = substr(old.village_code, 1, 5) AND sector = old.sector
      AND scale = COALESCE(old.scale, '') AND status = old.status
      AND verified_month = COALESCE(substr(old.verified_at, 1, 7), '');
END;
CREATE TRIGGER enterprise_tally_update
  AFTER UPDATE OF village_code, sector, scale, status, verified_at ON enterprises BEGIN
  UPDATE enterprise_tallies SET n = n - 1
    WHERE regency = substr(old.village_code, 1, 5) AND sector = old.sector
      AND scale = COALESCE(old.scale, '') AND status = old.status
      AND verified_month = COALESCE(substr(old.verified_at, 1, 7), '');
  INSERT INTO enterprise_tallies (regency, sector, scale, status, verified_month, n)
    VALUES (substr(new.village_code, 1, 5), new.sector, COALESCE(new.scale, ''), new.status,
            COALESCE(substr(new.verified_at, 1, 7), ''), 1)
    ON CONFLICT (regency, sector, scale, status, verified_month) DO UPDATE SET n = n + 1;
END;
