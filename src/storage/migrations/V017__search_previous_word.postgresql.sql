-- A search counts and pages enterprises, not words: with two letters ("sr"), an enterprise
-- whose words include "sri" and "sriyono" has two rows in the range, and counting them once
-- took a COUNT(DISTINCT) (a sort of the whole range) besides the page's own pass. Each row now
-- also holds the word before it among its enterprise's words in byte order (NULL for the
-- first). Of an enterprise's rows in the range of a query word q, exactly one has a previous
-- word below q (or none): its first there. Filtering on that, from the index alone, leaves one
-- row per enterprise, without DISTINCT. to_tsvector keeps its lexemes in byte order, so the
-- previous word is the array's previous element.
--
-- The index now orders each word's rows by name: the first page of a word (or of the few
-- words that start with two letters, merged) is read without sorting its 60,000 rows; the
-- region becomes a filter on a column the index carries.
--
-- A search of two letters (the shortest allowed) over the whole registry reads its total from
-- word_prefix_tallies: how many enterprises have a word starting with each two letters
-- (counting the 156,000 of "wa" from the index took ~55 ms).
ALTER TABLE enterprise_words ADD COLUMN previous_word TEXT COLLATE "C" NULL;

CREATE TABLE word_prefix_tallies (
  prefix TEXT COLLATE "C" PRIMARY KEY,
  n BIGINT NOT NULL
);

DELETE FROM enterprise_words;
WITH added AS (
  INSERT INTO enterprise_words (word, previous_word, village_code, search_name, enterprise_id)
    SELECT u.word, u.previous_word, e.village_code, e.search_name, e.id
    FROM (SELECT tsvector_to_array(to_tsvector('simple', search_text)) AS words, village_code,
                 search_name, id
          FROM enterprises OFFSET 0) e,
         LATERAL unnest(e.words, array_prepend(NULL::text, e.words)) AS u (word, previous_word)
    WHERE u.word IS NOT NULL
    RETURNING word, previous_word)
INSERT INTO word_prefix_tallies (prefix, n)
  SELECT left(word, k), COUNT(*)
  FROM added, (VALUES (2)) AS l (k)
  WHERE char_length(word) >= k AND (previous_word IS NULL OR left(previous_word, k) <> left(word, k))
  GROUP BY 1;

DROP INDEX IF EXISTS enterprise_words_word;
CREATE INDEX enterprise_words_word
  ON enterprise_words (word, search_name, enterprise_id) INCLUDE (village_code, previous_word);

-- A bulk load killed half-way fills the words when it resumes, from the statements it set
-- aside: the fill now brings the previous words and the prefix tallies.
UPDATE suspended_indexes
SET definition =
  'WITH added AS (INSERT INTO enterprise_words (word, previous_word, village_code, search_name, '
  'enterprise_id) SELECT u.word, u.previous_word, e.village_code, e.search_name, e.id FROM '
  '(SELECT tsvector_to_array(to_tsvector(''simple'', search_text)) AS words, village_code, '
  'search_name, id FROM enterprises OFFSET 0) e, LATERAL unnest(e.words, '
  'array_prepend(NULL::text, e.words)) AS u (word, previous_word) WHERE u.word IS NOT NULL '
  'RETURNING word, previous_word) INSERT INTO word_prefix_tallies (prefix, n) SELECT '
  'left(word, k), COUNT(*) FROM added, (VALUES (2)) AS l (k) WHERE char_length(word) >= k '
  'AND (previous_word IS NULL OR left(previous_word, k) <> left(word, k)) GROUP BY 1'
WHERE name = 'enterprise words (2 fill)';
INSERT INTO suspended_indexes (name, table_name, definition)
  SELECT 'enterprise words (0 clear prefixes)', 'enterprises', 'DELETE FROM word_prefix_tallies'
  FROM suspended_indexes WHERE name = 'enterprise words (2 fill)';

-- How the tallies change for the words a statement added (direction 1) or removed (-1), given as
-- two arrays aggregated in one pass (so their elements pair up). Callers apply them in prefix
-- order, so that concurrent writers lock the tallies' rows in one order.
CREATE FUNCTION word_prefix_changes(words TEXT[], previous_words TEXT[], direction INTEGER)
  RETURNS TABLE (prefix TEXT, n BIGINT) LANGUAGE sql IMMUTABLE AS $$
  SELECT left(w.word, k) COLLATE "C", direction * COUNT(*)
  FROM unnest(words, previous_words) AS w (word, previous_word), (VALUES (2)) AS l (k)
  WHERE char_length(w.word) >= k
    AND (w.previous_word IS NULL OR left(w.previous_word, k) <> left(w.word, k))
  GROUP BY 1
$$;

CREATE OR REPLACE FUNCTION enterprise_words_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH added AS (
    INSERT INTO enterprise_words (word, previous_word, village_code, search_name, enterprise_id)
      SELECT u.word, u.previous_word, n.village_code, n.search_name, n.id
      FROM (SELECT tsvector_to_array(to_tsvector('simple', search_text)) AS words,
                   village_code, search_name, id
            FROM new_rows OFFSET 0) n,
           LATERAL unnest(n.words, array_prepend(NULL::text, n.words)) AS u (word, previous_word)
      WHERE u.word IS NOT NULL
      RETURNING word, previous_word)
  INSERT INTO word_prefix_tallies (prefix, n)
    SELECT c.prefix, c.n
    FROM (SELECT array_agg(word) AS words, array_agg(previous_word) AS previous_words
          FROM added) a,
         LATERAL word_prefix_changes(a.words, a.previous_words, 1) c
    ORDER BY c.prefix
    ON CONFLICT (prefix) DO UPDATE SET n = word_prefix_tallies.n + EXCLUDED.n;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION enterprise_words_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH removed AS (
    DELETE FROM enterprise_words w
      USING (SELECT unnest(tsvector_to_array(to_tsvector('simple', o.search_text))) COLLATE "C"
                      AS word, o.village_code COLLATE "C" AS village_code,
                    o.search_name, o.id
             FROM old_rows o JOIN new_rows n ON n.id = o.id
             WHERE n.search_text <> o.search_text OR n.village_code <> o.village_code
                OR n.search_name <> o.search_name) d
      WHERE w.word = d.word AND w.village_code = d.village_code
        AND w.search_name = d.search_name AND w.enterprise_id = d.id
      RETURNING w.word, w.previous_word),
  added AS (
    INSERT INTO enterprise_words (word, previous_word, village_code, search_name, enterprise_id)
      SELECT u.word, u.previous_word, c.village_code, c.search_name, c.id
      FROM (SELECT tsvector_to_array(to_tsvector('simple', n.search_text)) AS words,
                   n.village_code, n.search_name, n.id
            FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE n.search_text <> o.search_text OR n.village_code <> o.village_code
               OR n.search_name <> o.search_name
            OFFSET 0) c,
           LATERAL unnest(c.words, array_prepend(NULL::text, c.words)) AS u (word, previous_word)
      WHERE u.word IS NOT NULL
      RETURNING word, previous_word)
  INSERT INTO word_prefix_tallies (prefix, n)
    SELECT c.prefix, SUM(c.n)
    FROM (SELECT c.* FROM (SELECT array_agg(word) AS words,
                                 array_agg(previous_word) AS previous_words FROM removed) a,
                         LATERAL word_prefix_changes(a.words, a.previous_words, -1) c
          UNION ALL
          SELECT c.* FROM (SELECT array_agg(word) AS words,
                                 array_agg(previous_word) AS previous_words FROM added) a,
                         LATERAL word_prefix_changes(a.words, a.previous_words, 1) c) c
    GROUP BY c.prefix
    ORDER BY c.prefix
    ON CONFLICT (prefix) DO UPDATE SET n = word_prefix_tallies.n + EXCLUDED.n;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION enterprise_words_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH removed AS (
    DELETE FROM enterprise_words w
      USING (SELECT unnest(tsvector_to_array(to_tsvector('simple', o.search_text))) COLLATE "C"
                      AS word, o.village_code COLLATE "C" AS village_code,
                    o.search_name, o.id
             FROM old_rows o) d
      WHERE w.word = d.word AND w.village_code = d.village_code
        AND w.search_name = d.search_name AND w.enterprise_id = d.id
      RETURNING w.word, w.previous_word)
  INSERT INTO word_prefix_tallies (prefix, n)
    SELECT c.prefix, c.n
    FROM (SELECT array_agg(word) AS words, array_agg(previous_word) AS previous_words
          FROM removed) a,
         LATERAL word_prefix_changes(a.words, a.previous_words, -1) c
    ORDER BY c.prefix
    ON CONFLICT (prefix) DO UPDATE SET n = word_prefix_tallies.n + EXCLUDED.n;
  RETURN NULL;
END
$$;
