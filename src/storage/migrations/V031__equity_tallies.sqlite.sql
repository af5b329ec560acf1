-- The equity dashboard's kept counts (issue 15): how many enterprises the registry holds, and what
-- the assistance ledger gave, per dimension value, so that the dashboard adds up a few hundred or
-- thousand rows instead of reading two million records. A dimension is a region level (province,
-- regency, district, village: the code's first 2, 5, 8 or 13 characters), the sector, the scale
-- ('' unknown) or the owner's gender ('' unknown); a group, as a recipient, has only the region
-- levels (of its village).
--   equity_enterprise_tallies: enterprises per dimension value.
--   equity_assistance_tallies: records and their rupiah per dimension value, month of given_on,
--     kind and the provider's helix.
--   equity_served_tallies: distinct recipients ('e' enterprise, 'g' group) with at least one
--     record, per dimension value and scope 'year|kind|helix' ('*' = any), e.g. '2024|*|*',
--     '*|grant|business', '*|*|*' (ever served).
-- Triggers keep them in the transaction of every write: before a change, what the touched
-- recipients (or enterprises) contribute is taken out; after it, their contribution is counted
-- again from their rows. A change touches one recipient's few records, except a stakeholder's
-- helix, which recounts every recipient it gave to. The equity_*_recount views count the same
-- from scratch: the backfill below, a bulk import's restore and the storage tests use them.
-- Rows whose counts fall to zero stay (they add nothing).

CREATE TABLE equity_enterprise_tallies (
  dim TEXT NOT NULL,
  value TEXT NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (dim, value)
) WITHOUT ROWID;
CREATE TABLE equity_assistance_tallies (
  dim TEXT NOT NULL,
  value TEXT NOT NULL,
  month TEXT NOT NULL,
  kind TEXT NOT NULL,
  helix TEXT NOT NULL,
  records BIGINT NOT NULL,
  total BIGINT NOT NULL,
  PRIMARY KEY (dim, value, month, kind, helix)
) WITHOUT ROWID;
CREATE TABLE equity_served_tallies (
  dim TEXT NOT NULL,
  scope TEXT NOT NULL,
  value TEXT NOT NULL,
  recipient TEXT NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (dim, scope, value, recipient)
) WITHOUT ROWID;
-- The records of a span of days (the dashboards' counts of a period the served tallies do not keep).
CREATE INDEX assistance_given ON assistance (given_on, kind);

CREATE VIEW equity_enterprise_recount AS
  SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, COUNT(*) AS n
    FROM enterprises e JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d
    WHERE 1 = 1 GROUP BY 1, 2;
CREATE VIEW equity_assistance_recount AS
  SELECT dim, value, month, kind, helix, COUNT(*) AS records, CAST(SUM(amount) AS BIGINT) AS total
    FROM (SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d
      WHERE 1 = 1
      UNION ALL SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(g.village_code, 1, 2) WHEN 'regency' THEN substr(g.village_code, 1, 5) WHEN 'district' THEN substr(g.village_code, 1, 8) ELSE g.village_code END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village')) AS d
      WHERE 1 = 1) u
    WHERE 1 = 1 GROUP BY dim, value, month, kind, helix;
CREATE VIEW equity_served_recount AS
  SELECT dim, scope, value, recipient, COUNT(*) AS n
    FROM (SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, 'e' AS recipient, a.enterprise_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE 1 = 1
      UNION ALL SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(g.village_code, 1, 2) WHEN 'regency' THEN substr(g.village_code, 1, 5) WHEN 'district' THEN substr(g.village_code, 1, 8) ELSE g.village_code END AS value, 'g' AS recipient, a.group_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE 1 = 1) u
    WHERE 1 = 1 GROUP BY dim, scope, value, recipient;
INSERT INTO equity_enterprise_tallies (dim, value, n) SELECT dim, value, n FROM equity_enterprise_recount;
INSERT INTO equity_assistance_tallies (dim, value, month, kind, helix, records, total)
  SELECT dim, value, month, kind, helix, records, total FROM equity_assistance_recount;
INSERT INTO equity_served_tallies (dim, scope, value, recipient, n)
  SELECT dim, scope, value, recipient, n FROM equity_served_recount;

CREATE TRIGGER equity_assistance_insert_before BEFORE INSERT ON assistance BEGIN
  INSERT INTO equity_assistance_tallies (dim, value, month, kind, helix, records, total)
    SELECT dim, value, month, kind, helix, -1 * COUNT(*) AS records, -1 * CAST(SUM(amount) AS BIGINT) AS total
    FROM (SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d
      WHERE a.enterprise_id = NEW.enterprise_id
      UNION ALL SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(g.village_code, 1, 2) WHEN 'regency' THEN substr(g.village_code, 1, 5) WHEN 'district' THEN substr(g.village_code, 1, 8) ELSE g.village_code END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village')) AS d
      WHERE a.group_id = NEW.group_id) u
    WHERE 1 = 1 GROUP BY dim, value, month, kind, helix
    ON CONFLICT (dim, value, month, kind, helix) DO UPDATE SET records = records + excluded.records, total = total + excluded.total;
  INSERT INTO equity_served_tallies (dim, scope, value, recipient, n)
    SELECT dim, scope, value, recipient, -1 * COUNT(*) AS n
    FROM (SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, 'e' AS recipient, a.enterprise_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE a.enterprise_id = NEW.enterprise_id
      UNION ALL SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(g.village_code, 1, 2) WHEN 'regency' THEN substr(g.village_code, 1, 5) WHEN 'district' THEN substr(g.village_code, 1, 8) ELSE g.village_code END AS value, 'g' AS recipient, a.group_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE a.group_id = NEW.group_id) u
    WHERE 1 = 1 GROUP BY dim, scope, value, recipient
    ON CONFLICT (dim, scope, value, recipient) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER equity_assistance_insert_after AFTER INSERT ON assistance BEGIN
  INSERT INTO equity_assistance_tallies (dim, value, month, kind, helix, records, total)
    SELECT dim, value, month, kind, helix, COUNT(*) AS records, CAST(SUM(amount) AS BIGINT) AS total
    FROM (SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d
      WHERE a.enterprise_id = NEW.enterprise_id
      UNION ALL SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(g.village_code, 1, 2) WHEN 'regency' THEN substr(g.village_code, 1, 5) WHEN 'district' THEN substr(g.village_code, 1, 8) ELSE g.village_code END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village')) AS d
      WHERE a.group_id = NEW.group_id) u
    WHERE 1 = 1 GROUP BY dim, value, month, kind, helix
    ON CONFLICT (dim, value, month, kind, helix) DO UPDATE SET records = records + excluded.records, total = total + excluded.total;
  INSERT INTO equity_served_tallies (dim, scope, value, recipient, n)
    SELECT dim, scope, value, recipient, COUNT(*) AS n
    FROM (SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, 'e' AS recipient, a.enterprise_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE a.enterprise_id = NEW.enterprise_id
      UNION ALL SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(g.village_code, 1, 2) WHEN 'regency' THEN substr(g.village_code, 1, 5) WHEN 'district' THEN substr(g.village_code, 1, 8) ELSE g.village_code END AS value, 'g' AS recipient, a.group_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE a.group_id = NEW.group_id) u
    WHERE 1 = 1 GROUP BY dim, scope, value, recipient
    ON CONFLICT (dim, scope, value, recipient) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER equity_assistance_delete_before BEFORE DELETE ON assistance BEGIN
  INSERT INTO equity_assistance_tallies (dim, value, month, kind, helix, records, total)
    SELECT dim, value, month, kind, helix, -1 * COUNT(*) AS records, -1 * CAST(SUM(amount) AS BIGINT) AS total
    FROM (SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d
      WHERE a.enterprise_id = OLD.enterprise_id
      UNION ALL SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(g.village_code, 1, 2) WHEN 'regency' THEN substr(g.village_code, 1, 5) WHEN 'district' THEN substr(g.village_code, 1, 8) ELSE g.village_code END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village')) AS d
      WHERE a.group_id = OLD.group_id) u
    WHERE 1 = 1 GROUP BY dim, value, month, kind, helix
    ON CONFLICT (dim, value, month, kind, helix) DO UPDATE SET records = records + excluded.records, total = total + excluded.total;
  INSERT INTO equity_served_tallies (dim, scope, value, recipient, n)
    SELECT dim, scope, value, recipient, -1 * COUNT(*) AS n
    FROM (SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, 'e' AS recipient, a.enterprise_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE a.enterprise_id = OLD.enterprise_id
      UNION ALL SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(g.village_code, 1, 2) WHEN 'regency' THEN substr(g.village_code, 1, 5) WHEN 'district' THEN substr(g.village_code, 1, 8) ELSE g.village_code END AS value, 'g' AS recipient, a.group_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE a.group_id = OLD.group_id) u
    WHERE 1 = 1 GROUP BY dim, scope, value, recipient
    ON CONFLICT (dim, scope, value, recipient) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER equity_assistance_delete_after AFTER DELETE ON assistance BEGIN
  INSERT INTO equity_assistance_tallies (dim, value, month, kind, helix, records, total)
    SELECT dim, value, month, kind, helix, COUNT(*) AS records, CAST(SUM(amount) AS BIGINT) AS total
    FROM (SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d
      WHERE a.enterprise_id = OLD.enterprise_id
      UNION ALL SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(g.village_code, 1, 2) WHEN 'regency' THEN substr(g.village_code, 1, 5) WHEN 'district' THEN substr(g.village_code, 1, 8) ELSE g.village_code END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village')) AS d
      WHERE a.group_id = OLD.group_id) u
    WHERE 1 = 1 GROUP BY dim, value, month, kind, helix
    ON CONFLICT (dim, value, month, kind, helix) DO UPDATE SET records = records + excluded.records, total = total + excluded.total;
  INSERT INTO equity_served_tallies (dim, scope, value, recipient, n)
    SELECT dim, scope, value, recipient, COUNT(*) AS n
    FROM (SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, 'e' AS recipient, a.enterprise_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE a.enterprise_id = OLD.enterprise_id
      UNION ALL SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(g.village_code, 1, 2) WHEN 'regency' THEN substr(g.village_code, 1, 5) WHEN 'district' THEN substr(g.village_code, 1, 8) ELSE g.village_code END AS value, 'g' AS recipient, a.group_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE a.group_id = OLD.group_id) u
    WHERE 1 = 1 GROUP BY dim, scope, value, recipient
    ON CONFLICT (dim, scope, value, recipient) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER equity_assistance_update_before BEFORE UPDATE OF provider_id, enterprise_id, group_id, kind, value, given_on ON assistance BEGIN
  INSERT INTO equity_assistance_tallies (dim, value, month, kind, helix, records, total)
    SELECT dim, value, month, kind, helix, -1 * COUNT(*) AS records, -1 * CAST(SUM(amount) AS BIGINT) AS total
    FROM (SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d
      WHERE a.enterprise_id IN (OLD.enterprise_id, NEW.enterprise_id)
      UNION ALL SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(g.village_code, 1, 2) WHEN 'regency' THEN substr(g.village_code, 1, 5) WHEN 'district' THEN substr(g.village_code, 1, 8) ELSE g.village_code END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village')) AS d
      WHERE a.group_id IN (OLD.group_id, NEW.group_id)) u
    WHERE 1 = 1 GROUP BY dim, value, month, kind, helix
    ON CONFLICT (dim, value, month, kind, helix) DO UPDATE SET records = records + excluded.records, total = total + excluded.total;
  INSERT INTO equity_served_tallies (dim, scope, value, recipient, n)
    SELECT dim, scope, value, recipient, -1 * COUNT(*) AS n
    FROM (SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, 'e' AS recipient, a.enterprise_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE a.enterprise_id IN (OLD.enterprise_id, NEW.enterprise_id)
      UNION ALL SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(g.village_code, 1, 2) WHEN 'regency' THEN substr(g.village_code, 1, 5) WHEN 'district' THEN substr(g.village_code, 1, 8) ELSE g.village_code END AS value, 'g' AS recipient, a.group_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE a.group_id IN (OLD.group_id, NEW.group_id)) u
    WHERE 1 = 1 GROUP BY dim, scope, value, recipient
    ON CONFLICT (dim, scope, value, recipient) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER equity_assistance_update_after AFTER UPDATE OF provider_id, enterprise_id, group_id, kind, value, given_on ON assistance BEGIN
  INSERT INTO equity_assistance_tallies (dim, value, month, kind, helix, records, total)
    SELECT dim, value, month, kind, helix, COUNT(*) AS records, CAST(SUM(amount) AS BIGINT) AS total
    FROM (SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d
      WHERE a.enterprise_id IN (OLD.enterprise_id, NEW.enterprise_id)
      UNION ALL SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(g.village_code, 1, 2) WHEN 'regency' THEN substr(g.village_code, 1, 5) WHEN 'district' THEN substr(g.village_code, 1, 8) ELSE g.village_code END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village')) AS d
      WHERE a.group_id IN (OLD.group_id, NEW.group_id)) u
    WHERE 1 = 1 GROUP BY dim, value, month, kind, helix
    ON CONFLICT (dim, value, month, kind, helix) DO UPDATE SET records = records + excluded.records, total = total + excluded.total;
  INSERT INTO equity_served_tallies (dim, scope, value, recipient, n)
    SELECT dim, scope, value, recipient, COUNT(*) AS n
    FROM (SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, 'e' AS recipient, a.enterprise_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE a.enterprise_id IN (OLD.enterprise_id, NEW.enterprise_id)
      UNION ALL SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(g.village_code, 1, 2) WHEN 'regency' THEN substr(g.village_code, 1, 5) WHEN 'district' THEN substr(g.village_code, 1, 8) ELSE g.village_code END AS value, 'g' AS recipient, a.group_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE a.group_id IN (OLD.group_id, NEW.group_id)) u
    WHERE 1 = 1 GROUP BY dim, scope, value, recipient
    ON CONFLICT (dim, scope, value, recipient) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER equity_enterprises_insert_after AFTER INSERT ON enterprises BEGIN
  INSERT INTO equity_enterprise_tallies (dim, value, n)
    SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, COUNT(*) AS n
    FROM enterprises e JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d
    WHERE e.id = NEW.id GROUP BY 1, 2
    ON CONFLICT (dim, value) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER equity_enterprises_delete_before BEFORE DELETE ON enterprises BEGIN
  INSERT INTO equity_enterprise_tallies (dim, value, n)
    SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, -1 * COUNT(*) AS n
    FROM enterprises e JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d
    WHERE e.id = OLD.id GROUP BY 1, 2
    ON CONFLICT (dim, value) DO UPDATE SET n = n + excluded.n;
  INSERT INTO equity_assistance_tallies (dim, value, month, kind, helix, records, total)
    SELECT dim, value, month, kind, helix, -1 * COUNT(*) AS records, -1 * CAST(SUM(amount) AS BIGINT) AS total
    FROM (SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d
      WHERE a.enterprise_id = OLD.id) u
    WHERE 1 = 1 GROUP BY dim, value, month, kind, helix
    ON CONFLICT (dim, value, month, kind, helix) DO UPDATE SET records = records + excluded.records, total = total + excluded.total;
  INSERT INTO equity_served_tallies (dim, scope, value, recipient, n)
    SELECT dim, scope, value, recipient, -1 * COUNT(*) AS n
    FROM (SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, 'e' AS recipient, a.enterprise_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE a.enterprise_id = OLD.id) u
    WHERE 1 = 1 GROUP BY dim, scope, value, recipient
    ON CONFLICT (dim, scope, value, recipient) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER equity_enterprises_update_before BEFORE UPDATE OF village_code, sector, scale, owner_id ON enterprises WHEN OLD.village_code <> NEW.village_code OR OLD.sector <> NEW.sector OR OLD.scale IS NOT NEW.scale OR OLD.owner_id <> NEW.owner_id BEGIN
  INSERT INTO equity_enterprise_tallies (dim, value, n)
    SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, -1 * COUNT(*) AS n
    FROM enterprises e JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d
    WHERE e.id = NEW.id GROUP BY 1, 2
    ON CONFLICT (dim, value) DO UPDATE SET n = n + excluded.n;
  INSERT INTO equity_assistance_tallies (dim, value, month, kind, helix, records, total)
    SELECT dim, value, month, kind, helix, -1 * COUNT(*) AS records, -1 * CAST(SUM(amount) AS BIGINT) AS total
    FROM (SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d
      WHERE a.enterprise_id = NEW.id) u
    WHERE 1 = 1 GROUP BY dim, value, month, kind, helix
    ON CONFLICT (dim, value, month, kind, helix) DO UPDATE SET records = records + excluded.records, total = total + excluded.total;
  INSERT INTO equity_served_tallies (dim, scope, value, recipient, n)
    SELECT dim, scope, value, recipient, -1 * COUNT(*) AS n
    FROM (SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, 'e' AS recipient, a.enterprise_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE a.enterprise_id = NEW.id) u
    WHERE 1 = 1 GROUP BY dim, scope, value, recipient
    ON CONFLICT (dim, scope, value, recipient) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER equity_enterprises_update_after AFTER UPDATE OF village_code, sector, scale, owner_id ON enterprises WHEN OLD.village_code <> NEW.village_code OR OLD.sector <> NEW.sector OR OLD.scale IS NOT NEW.scale OR OLD.owner_id <> NEW.owner_id BEGIN
  INSERT INTO equity_enterprise_tallies (dim, value, n)
    SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, COUNT(*) AS n
    FROM enterprises e JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d
    WHERE e.id = NEW.id GROUP BY 1, 2
    ON CONFLICT (dim, value) DO UPDATE SET n = n + excluded.n;
  INSERT INTO equity_assistance_tallies (dim, value, month, kind, helix, records, total)
    SELECT dim, value, month, kind, helix, COUNT(*) AS records, CAST(SUM(amount) AS BIGINT) AS total
    FROM (SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d
      WHERE a.enterprise_id = NEW.id) u
    WHERE 1 = 1 GROUP BY dim, value, month, kind, helix
    ON CONFLICT (dim, value, month, kind, helix) DO UPDATE SET records = records + excluded.records, total = total + excluded.total;
  INSERT INTO equity_served_tallies (dim, scope, value, recipient, n)
    SELECT dim, scope, value, recipient, COUNT(*) AS n
    FROM (SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, 'e' AS recipient, a.enterprise_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE a.enterprise_id = NEW.id) u
    WHERE 1 = 1 GROUP BY dim, scope, value, recipient
    ON CONFLICT (dim, scope, value, recipient) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER equity_people_update_before BEFORE UPDATE OF gender ON people WHEN OLD.gender IS NOT NEW.gender BEGIN
  INSERT INTO equity_enterprise_tallies (dim, value, n)
    SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, -1 * COUNT(*) AS n
    FROM enterprises e JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d
    WHERE e.owner_id = NEW.id GROUP BY 1, 2
    ON CONFLICT (dim, value) DO UPDATE SET n = n + excluded.n;
  INSERT INTO equity_assistance_tallies (dim, value, month, kind, helix, records, total)
    SELECT dim, value, month, kind, helix, -1 * COUNT(*) AS records, -1 * CAST(SUM(amount) AS BIGINT) AS total
    FROM (SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d
      WHERE a.enterprise_id IN (SELECT o.id FROM enterprises o WHERE o.owner_id = NEW.id)) u
    WHERE 1 = 1 GROUP BY dim, value, month, kind, helix
    ON CONFLICT (dim, value, month, kind, helix) DO UPDATE SET records = records + excluded.records, total = total + excluded.total;
  INSERT INTO equity_served_tallies (dim, scope, value, recipient, n)
    SELECT dim, scope, value, recipient, -1 * COUNT(*) AS n
    FROM (SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, 'e' AS recipient, a.enterprise_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE a.enterprise_id IN (SELECT o.id FROM enterprises o WHERE o.owner_id = NEW.id)) u
    WHERE 1 = 1 GROUP BY dim, scope, value, recipient
    ON CONFLICT (dim, scope, value, recipient) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER equity_people_update_after AFTER UPDATE OF gender ON people WHEN OLD.gender IS NOT NEW.gender BEGIN
  INSERT INTO equity_enterprise_tallies (dim, value, n)
    SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, COUNT(*) AS n
    FROM enterprises e JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d
    WHERE e.owner_id = NEW.id GROUP BY 1, 2
    ON CONFLICT (dim, value) DO UPDATE SET n = n + excluded.n;
  INSERT INTO equity_assistance_tallies (dim, value, month, kind, helix, records, total)
    SELECT dim, value, month, kind, helix, COUNT(*) AS records, CAST(SUM(amount) AS BIGINT) AS total
    FROM (SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d
      WHERE a.enterprise_id IN (SELECT o.id FROM enterprises o WHERE o.owner_id = NEW.id)) u
    WHERE 1 = 1 GROUP BY dim, value, month, kind, helix
    ON CONFLICT (dim, value, month, kind, helix) DO UPDATE SET records = records + excluded.records, total = total + excluded.total;
  INSERT INTO equity_served_tallies (dim, scope, value, recipient, n)
    SELECT dim, scope, value, recipient, COUNT(*) AS n
    FROM (SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, 'e' AS recipient, a.enterprise_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE a.enterprise_id IN (SELECT o.id FROM enterprises o WHERE o.owner_id = NEW.id)) u
    WHERE 1 = 1 GROUP BY dim, scope, value, recipient
    ON CONFLICT (dim, scope, value, recipient) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER equity_groups_update_before BEFORE UPDATE OF village_code ON groups WHEN OLD.village_code <> NEW.village_code BEGIN
  INSERT INTO equity_assistance_tallies (dim, value, month, kind, helix, records, total)
    SELECT dim, value, month, kind, helix, -1 * COUNT(*) AS records, -1 * CAST(SUM(amount) AS BIGINT) AS total
    FROM (SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(g.village_code, 1, 2) WHEN 'regency' THEN substr(g.village_code, 1, 5) WHEN 'district' THEN substr(g.village_code, 1, 8) ELSE g.village_code END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village')) AS d
      WHERE a.group_id = NEW.id) u
    WHERE 1 = 1 GROUP BY dim, value, month, kind, helix
    ON CONFLICT (dim, value, month, kind, helix) DO UPDATE SET records = records + excluded.records, total = total + excluded.total;
  INSERT INTO equity_served_tallies (dim, scope, value, recipient, n)
    SELECT dim, scope, value, recipient, -1 * COUNT(*) AS n
    FROM (SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(g.village_code, 1, 2) WHEN 'regency' THEN substr(g.village_code, 1, 5) WHEN 'district' THEN substr(g.village_code, 1, 8) ELSE g.village_code END AS value, 'g' AS recipient, a.group_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE a.group_id = NEW.id) u
    WHERE 1 = 1 GROUP BY dim, scope, value, recipient
    ON CONFLICT (dim, scope, value, recipient) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER equity_groups_update_after AFTER UPDATE OF village_code ON groups WHEN OLD.village_code <> NEW.village_code BEGIN
  INSERT INTO equity_assistance_tallies (dim, value, month, kind, helix, records, total)
    SELECT dim, value, month, kind, helix, COUNT(*) AS records, CAST(SUM(amount) AS BIGINT) AS total
    FROM (SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(g.village_code, 1, 2) WHEN 'regency' THEN substr(g.village_code, 1, 5) WHEN 'district' THEN substr(g.village_code, 1, 8) ELSE g.village_code END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village')) AS d
      WHERE a.group_id = NEW.id) u
    WHERE 1 = 1 GROUP BY dim, value, month, kind, helix
    ON CONFLICT (dim, value, month, kind, helix) DO UPDATE SET records = records + excluded.records, total = total + excluded.total;
  INSERT INTO equity_served_tallies (dim, scope, value, recipient, n)
    SELECT dim, scope, value, recipient, COUNT(*) AS n
    FROM (SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(g.village_code, 1, 2) WHEN 'regency' THEN substr(g.village_code, 1, 5) WHEN 'district' THEN substr(g.village_code, 1, 8) ELSE g.village_code END AS value, 'g' AS recipient, a.group_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE a.group_id = NEW.id) u
    WHERE 1 = 1 GROUP BY dim, scope, value, recipient
    ON CONFLICT (dim, scope, value, recipient) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER equity_stakeholders_update_before BEFORE UPDATE OF helix ON stakeholders WHEN OLD.helix <> NEW.helix BEGIN
  INSERT INTO equity_assistance_tallies (dim, value, month, kind, helix, records, total)
    SELECT dim, value, month, kind, helix, -1 * COUNT(*) AS records, -1 * CAST(SUM(amount) AS BIGINT) AS total
    FROM (SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d
      WHERE a.enterprise_id IN (SELECT x.enterprise_id FROM assistance x WHERE x.provider_id = NEW.id)
      UNION ALL SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(g.village_code, 1, 2) WHEN 'regency' THEN substr(g.village_code, 1, 5) WHEN 'district' THEN substr(g.village_code, 1, 8) ELSE g.village_code END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village')) AS d
      WHERE a.group_id IN (SELECT x.group_id FROM assistance x WHERE x.provider_id = NEW.id)) u
    WHERE 1 = 1 GROUP BY dim, value, month, kind, helix
    ON CONFLICT (dim, value, month, kind, helix) DO UPDATE SET records = records + excluded.records, total = total + excluded.total;
  INSERT INTO equity_served_tallies (dim, scope, value, recipient, n)
    SELECT dim, scope, value, recipient, -1 * COUNT(*) AS n
    FROM (SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, 'e' AS recipient, a.enterprise_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE a.enterprise_id IN (SELECT x.enterprise_id FROM assistance x WHERE x.provider_id = NEW.id)
      UNION ALL SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(g.village_code, 1, 2) WHEN 'regency' THEN substr(g.village_code, 1, 5) WHEN 'district' THEN substr(g.village_code, 1, 8) ELSE g.village_code END AS value, 'g' AS recipient, a.group_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE a.group_id IN (SELECT x.group_id FROM assistance x WHERE x.provider_id = NEW.id)) u
    WHERE 1 = 1 GROUP BY dim, scope, value, recipient
    ON CONFLICT (dim, scope, value, recipient) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER equity_stakeholders_update_after AFTER UPDATE OF helix ON stakeholders WHEN OLD.helix <> NEW.helix BEGIN
  INSERT INTO equity_assistance_tallies (dim, value, month, kind, helix, records, total)
    SELECT dim, value, month, kind, helix, COUNT(*) AS records, CAST(SUM(amount) AS BIGINT) AS total
    FROM (SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d
      WHERE a.enterprise_id IN (SELECT x.enterprise_id FROM assistance x WHERE x.provider_id = NEW.id)
      UNION ALL SELECT d.column1 AS dim, CASE d.column1 WHEN 'province' THEN substr(g.village_code, 1, 2) WHEN 'regency' THEN substr(g.village_code, 1, 5) WHEN 'district' THEN substr(g.village_code, 1, 8) ELSE g.village_code END AS value, substr(a.given_on, 1, 7) AS month, a.kind AS kind, s.helix AS helix, a.value AS amount
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village')) AS d
      WHERE a.group_id IN (SELECT x.group_id FROM assistance x WHERE x.provider_id = NEW.id)) u
    WHERE 1 = 1 GROUP BY dim, value, month, kind, helix
    ON CONFLICT (dim, value, month, kind, helix) DO UPDATE SET records = records + excluded.records, total = total + excluded.total;
  INSERT INTO equity_served_tallies (dim, scope, value, recipient, n)
    SELECT dim, scope, value, recipient, COUNT(*) AS n
    FROM (SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(e.village_code, 1, 2) WHEN 'regency' THEN substr(e.village_code, 1, 5) WHEN 'district' THEN substr(e.village_code, 1, 8) WHEN 'village' THEN e.village_code WHEN 'sector' THEN e.sector WHEN 'scale' THEN COALESCE(e.scale, '') ELSE COALESCE(p.gender, '') END AS value, 'e' AS recipient, a.enterprise_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN enterprises e ON e.id = a.enterprise_id JOIN people p ON p.id = e.owner_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village'), ('sector'), ('scale'), ('gender')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE a.enterprise_id IN (SELECT x.enterprise_id FROM assistance x WHERE x.provider_id = NEW.id)
      UNION ALL SELECT DISTINCT d.column1 AS dim, CASE WHEN f.column1 = 1 THEN substr(a.given_on, 1, 4) ELSE '*' END || '|' || CASE WHEN f.column2 = 1 THEN a.kind ELSE '*' END || '|' || CASE WHEN f.column3 = 1 THEN s.helix ELSE '*' END AS scope, CASE d.column1 WHEN 'province' THEN substr(g.village_code, 1, 2) WHEN 'regency' THEN substr(g.village_code, 1, 5) WHEN 'district' THEN substr(g.village_code, 1, 8) ELSE g.village_code END AS value, 'g' AS recipient, a.group_id AS recipient_id
      FROM assistance a JOIN stakeholders s ON s.id = a.provider_id JOIN groups g ON g.id = a.group_id CROSS JOIN (VALUES ('province'), ('regency'), ('district'), ('village')) AS d CROSS JOIN (VALUES (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)) AS f
      WHERE a.group_id IN (SELECT x.group_id FROM assistance x WHERE x.provider_id = NEW.id)) u
    WHERE 1 = 1 GROUP BY dim, scope, value, recipient
    ON CONFLICT (dim, scope, value, recipient) DO UPDATE SET n = n + excluded.n;
END;
