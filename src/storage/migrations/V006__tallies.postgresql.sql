-- Exact counts of enterprises per regency, sector, scale, status and month of verification
-- ('' when unknown or never verified), kept in step by a trigger in the transaction of each
-- write. List totals and the drill-down to provinces and regencies add these up instead of
-- counting up to a million rows; the stale cut-off's own month is counted from enterprises.
-- A bulk load disables the trigger and counts the table again when it ends.
CREATE TABLE enterprise_tallies (
  regency TEXT NOT NULL,
  sector TEXT NOT NULL,
  scale TEXT NOT NULL,
  status TEXT NOT NULL,
  verified_month TEXT NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (regency, sector, scale, status, verified_month)
);
INSERT INTO enterprise_tallies (regency, sector, scale, status, verified_month, n)
  SELECT substr(village_code, 1, 5), sector, COALESCE(scale, ''), status,
         COALESCE(substr(verified_at, 1, 7), ''), COUNT(*)
  FROM enterprises GROUP BY 1, 2, 3, 4, 5;
CREATE FUNCTION enterprise_tally() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE enterprise_tallies SET n = n - 1
      WHERE regency = substr(OLD.village_code, 1, 5) AND sector = OLD.sector
        AND scale = COALESCE(OLD.scale, '') AND status = OLD.status
        AND verified_month = COALESCE(substr(OLD.verified_at, 1, 7), '');
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO enterprise_tallies (regency, sector, scale, status, verified_month, n)
      VALUES (substr(NEW.village_code, 1, 5), NEW.sector, COALESCE(NEW.scale, ''), NEW.status,
              COALESCE(substr(NEW.verified_at, 1, 7), ''), 1)
      ON CONFLICT (regency, sector, scale, status, verified_month)
      DO UPDATE SET n = enterprise_tallies.n + 1;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER enterprise_tally
  AFTER INSERT OR DELETE OR UPDATE OF village_code, sector, scale, status, verified_at
  ON enterprises FOR EACH ROW EXECUTE FUNCTION enterprise_tally();
