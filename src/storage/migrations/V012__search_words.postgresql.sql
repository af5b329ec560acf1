-- Registry search (q) on PostgreSQL by a table of words. The GIN index of V004 found a common
-- word's 62,000 enterprises (of a million) in ~50 ms, but counting them read every one of those
-- rows again (~100 ms) and a page either sorted them all or tested to_tsvector on each row of
-- a walk: 200-500 ms. Here each enterprise has one row per word of its name, owner and NIB (the
-- lexemes of to_tsvector('simple', search_text), as before), with its village and sort name,
-- and one b-tree answers "the enterprises with a word starting with w, in this region, and the
-- first of them by name" from the index alone. Byte order ("C") makes a word's start a range
-- of the index whatever the server's locale; names sort as enterprises.search_name does.
CREATE TABLE enterprise_words (
  word TEXT COLLATE "C" NOT NULL,
  village_code TEXT COLLATE "C" NOT NULL,
  search_name TEXT NOT NULL,
  enterprise_id BIGINT NOT NULL
);
INSERT INTO enterprise_words (word, village_code, search_name, enterprise_id)
  SELECT unnest(tsvector_to_array(to_tsvector('simple', search_text))), village_code,
         search_name, id
  FROM enterprises;
CREATE INDEX enterprise_words_word
  ON enterprise_words (word, village_code, search_name, enterprise_id);

-- Kept in step by statement triggers that read the statement's rows at once, so a COPY of a
-- batch adds its words in one INSERT rather than one call per row. A bulk load disables them
-- and fills the table again when it ends (see SqlBulkRegistryWriter).
CREATE FUNCTION enterprise_words_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO enterprise_words (word, village_code, search_name, enterprise_id)
    SELECT unnest(tsvector_to_array(to_tsvector('simple', n.search_text))), n.village_code,
           n.search_name, n.id
    FROM new_rows n;
  RETURN NULL;
END
$$;
CREATE FUNCTION enterprise_words_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM enterprise_words w
    USING (SELECT unnest(tsvector_to_array(to_tsvector('simple', o.search_text))) COLLATE "C"
                    AS word, o.village_code COLLATE "C" AS village_code,
                  o.search_name, o.id
           FROM old_rows o JOIN new_rows n ON n.id = o.id
           WHERE n.search_text <> o.search_text OR n.village_code <> o.village_code
              OR n.search_name <> o.search_name) d
    WHERE w.word = d.word AND w.village_code = d.village_code AND w.search_name = d.search_name
      AND w.enterprise_id = d.id;
  INSERT INTO enterprise_words (word, village_code, search_name, enterprise_id)
    SELECT unnest(tsvector_to_array(to_tsvector('simple', n.search_text))), n.village_code,
           n.search_name, n.id
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.search_text <> o.search_text OR n.village_code <> o.village_code
       OR n.search_name <> o.search_name;
  RETURN NULL;
END
$$;
CREATE FUNCTION enterprise_words_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM enterprise_words w
    USING (SELECT unnest(tsvector_to_array(to_tsvector('simple', o.search_text))) COLLATE "C"
                    AS word, o.village_code COLLATE "C" AS village_code,
                  o.search_name, o.id
           FROM old_rows o) d
    WHERE w.word = d.word AND w.village_code = d.village_code AND w.search_name = d.search_name
      AND w.enterprise_id = d.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER enterprise_words_insert AFTER INSERT ON enterprises
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enterprise_words_insert();
CREATE TRIGGER enterprise_words_update AFTER UPDATE ON enterprises
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION enterprise_words_update();
CREATE TRIGGER enterprise_words_delete AFTER DELETE ON enterprises
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enterprise_words_delete();

-- The GIN index is no longer read. (Suspended by a bulk load, it must not come back either.)
DROP INDEX IF EXISTS enterprises_search;
DELETE FROM suspended_indexes WHERE name = 'enterprises_search';
