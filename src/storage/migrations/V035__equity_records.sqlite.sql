-- The equity dashboard's ledger counts (issue 15). What V031's tallies cannot answer (a period
-- that is not whole months, served counts of a period other than none or one calendar year, a
-- programme) is counted from the ledger; joined to its recipients, a half year over a province
-- (200,000 records of 2,000,000) costs a lookup per record, seconds on SQLite. equity_records
-- holds each record with what the dashboard reads of it: its provider's helix and its recipient's
-- dimension values ('e' an enterprise: village, sector, scale and owner's gender, '' unknown;
-- 'g' a group: its village). Clustered by date (SQLite) or covered by its date index
-- (PostgreSQL), a period is one range read without lookups. Kept by triggers in the transaction
-- of every write that moves a value: a record's insert, edit or deletion; an enterprise's
-- village, sector, scale or owner; an owner's gender; a group's village; a provider's helix.
-- equity_records_recount holds the same from scratch (the backfill, a bulk import's restore, the
-- storage suite).

CREATE TABLE equity_records (
  given_on TEXT NOT NULL,
  id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  helix TEXT NOT NULL,
  programme_id BIGINT NULL,
  recipient TEXT NOT NULL CHECK (recipient IN ('e', 'g')),
  recipient_id BIGINT NOT NULL,
  village_code TEXT NOT NULL,
  sector TEXT NOT NULL,
  scale TEXT NOT NULL,
  gender TEXT NOT NULL,
  value BIGINT NOT NULL,
  PRIMARY KEY (given_on, id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX equity_records_id ON equity_records (id);
-- A recipient's records (the triggers' edits, and the groups never served in a period or
-- programme, read from the index alone).
CREATE INDEX equity_records_recipient ON equity_records (recipient_id, recipient, programme_id, given_on, kind, helix);
-- A programme's records read from the index alone (every column the dashboard reads).
CREATE INDEX equity_records_programme ON equity_records (programme_id, given_on, recipient, recipient_id, village_code,
  value, kind, helix, sector, scale, gender);

CREATE VIEW equity_records_recount AS
  SELECT a.given_on AS given_on, a.id AS id, a.kind AS kind, s.helix AS helix, a.programme_id AS programme_id,
      'e' AS recipient, a.enterprise_id AS recipient_id, e.village_code AS village_code, e.sector AS sector,
      COALESCE(e.scale, '') AS scale, COALESCE(p.gender, '') AS gender, a.value AS value
    FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id
      JOIN people p ON p.id = e.owner_id
  UNION ALL
  SELECT a.given_on, a.id, a.kind, s.helix, a.programme_id, 'g', a.group_id, g.village_code, '', '', '', a.value
    FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id;

INSERT INTO equity_records (given_on, id, kind, helix, programme_id, recipient, recipient_id, village_code, sector,
    scale, gender, value)
  SELECT given_on, id, kind, helix, programme_id, recipient, recipient_id, village_code, sector, scale, gender, value
  FROM equity_records_recount;

CREATE TRIGGER equity_records_insert AFTER INSERT ON assistance BEGIN
  INSERT INTO equity_records (given_on, id, kind, helix, programme_id, recipient, recipient_id, village_code, sector,
      scale, gender, value)
    SELECT a.given_on, a.id, a.kind, s.helix, a.programme_id, 'e', a.enterprise_id, e.village_code, e.sector,
        COALESCE(e.scale, ''), COALESCE(p.gender, ''), a.value
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id
        JOIN people p ON p.id = e.owner_id
      WHERE a.id = NEW.id
    UNION ALL
    SELECT a.given_on, a.id, a.kind, s.helix, a.programme_id, 'g', a.group_id, g.village_code, '', '', '', a.value
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id
      WHERE a.id = NEW.id;
END;
CREATE TRIGGER equity_records_update AFTER UPDATE ON assistance BEGIN
  DELETE FROM equity_records WHERE id = OLD.id;
  INSERT INTO equity_records (given_on, id, kind, helix, programme_id, recipient, recipient_id, village_code, sector,
      scale, gender, value)
    SELECT a.given_on, a.id, a.kind, s.helix, a.programme_id, 'e', a.enterprise_id, e.village_code, e.sector,
        COALESCE(e.scale, ''), COALESCE(p.gender, ''), a.value
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id
        JOIN people p ON p.id = e.owner_id
      WHERE a.id = NEW.id
    UNION ALL
    SELECT a.given_on, a.id, a.kind, s.helix, a.programme_id, 'g', a.group_id, g.village_code, '', '', '', a.value
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id
      WHERE a.id = NEW.id;
END;
CREATE TRIGGER equity_records_delete AFTER DELETE ON assistance BEGIN
  DELETE FROM equity_records WHERE id = OLD.id;
END;
CREATE TRIGGER equity_records_enterprise AFTER UPDATE OF village_code, sector, scale, owner_id ON enterprises BEGIN
  UPDATE equity_records SET village_code = NEW.village_code, sector = NEW.sector, scale = COALESCE(NEW.scale, ''),
      gender = COALESCE((SELECT p.gender FROM people p WHERE p.id = NEW.owner_id), '')
    WHERE recipient_id = NEW.id AND recipient = 'e';
END;
CREATE TRIGGER equity_records_owner AFTER UPDATE OF gender ON people BEGIN
  UPDATE equity_records SET gender = COALESCE(NEW.gender, '')
    WHERE recipient = 'e' AND recipient_id IN (SELECT o.id FROM enterprises o WHERE o.owner_id = NEW.id);
END;
CREATE TRIGGER equity_records_group AFTER UPDATE OF village_code ON groups BEGIN
  UPDATE equity_records SET village_code = NEW.village_code WHERE recipient_id = NEW.id AND recipient = 'g';
END;
CREATE TRIGGER equity_records_provider AFTER UPDATE OF helix ON stakeholders BEGIN
  UPDATE equity_records SET helix = NEW.helix WHERE id IN (SELECT x.id FROM assistance x WHERE x.provider_id = NEW.id);
END;
