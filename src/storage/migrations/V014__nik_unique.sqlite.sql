-- A NIK (the national id of the KTP) belongs to one person: a partial unique index on people's
-- NIK where there is one. A registry kept before this may already hold the same NIK twice (an
-- owner registered twice, or a typo). The migration must not stop such an office's server, and
-- must not lose a record: the person registered first keeps the NIK; each later one keeps their
-- record and enterprises but loses the NIK (and its consent), and the audit log says so under
-- the person (action nik_cleared_duplicate, the masked NIK before, duplicate_of: the person who
-- kept it), so an officer can find them and merge the records or correct the number.
-- The SQLite and PostgreSQL files differ only in how they write the time.
INSERT INTO audit_log (at, actor_id, actor_username, entity, entity_id, action, before_json,
                       after_json, request_id)
SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), NULL, 'system', 'person', CAST(p.id AS TEXT),
       'nik_cleared_duplicate',
       '{"nik":"' || substr(p.nik, 1, 4) || '********' || substr(p.nik, 13, 4) || '"}',
       '{"nik":null,"duplicate_of":' || CAST(k.id AS TEXT) || '}',
       'migration-V014'
FROM people p
JOIN (SELECT nik, MIN(id) AS id FROM people WHERE nik IS NOT NULL GROUP BY nik) k
  ON k.nik = p.nik AND k.id <> p.id
ORDER BY p.id;

UPDATE people SET nik = NULL, nik_consent_at = NULL,
                  updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
WHERE nik IS NOT NULL
  AND id NOT IN (SELECT MIN(id) FROM people WHERE nik IS NOT NULL GROUP BY nik);

CREATE UNIQUE INDEX people_nik ON people (nik) WHERE nik IS NOT NULL;
