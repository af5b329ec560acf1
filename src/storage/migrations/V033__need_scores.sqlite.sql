-- Targeting's need score kept per enterprise (issue 15), so that a programme's first page of
-- candidates walks an index in rank order instead of scoring every enterprise its criteria admit,
-- and a round freezes its top 100,000 from that index. The score is ScoreNeed of
-- domain/programmes/targeting.hpp with the same weights (the storage suite checks the two agree
-- over many cases), in the year need_score_year holds: the repository rescores every row, through
-- need_score_recount, when a request scores in another year. Kept in the transaction of every
-- write that moves it: an enterprise's scale, founding year or owner; its owner's household
-- categories; what it received (assistance_received, which the ledger keeps). A bulk import,
-- which sets the enterprises' triggers aside, counts the scores again at its end.

CREATE TABLE need_score_year (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  year INTEGER NOT NULL
);
INSERT INTO need_score_year (id, year) VALUES (1, CAST(strftime('%Y', 'now') AS INTEGER));

CREATE TABLE need_scores (
  enterprise_id BIGINT PRIMARY KEY,
  score INTEGER NOT NULL
);

CREATE VIEW need_score_recount AS
  SELECT e.id AS enterprise_id,
    (CASE e.scale WHEN 'micro' THEN 20 WHEN 'small' THEN 10 ELSE 0 END)
    + (CASE WHEN EXISTS (SELECT 1 FROM household_categories h WHERE h.person_id = e.owner_id) THEN 25 ELSE 0 END)
    + (CASE WHEN e.founded_year IS NOT NULL AND e.founded_year <= y.year AND e.founded_year >= y.year - 3 THEN 10 ELSE 0 END)
    + (CASE WHEN r.assistance_count IS NULL OR r.assistance_count = 0 THEN 30
       ELSE (CASE WHEN r.assistance_value / 1000000 >= 20 THEN -20 ELSE 0 - r.assistance_value / 1000000 END)
          + (CASE WHEN r.last_on IS NULL OR y.year - CAST(SUBSTR(r.last_on, 1, 4) AS INTEGER) <= 0 THEN 0
                  WHEN (y.year - CAST(SUBSTR(r.last_on, 1, 4) AS INTEGER)) * 2 >= 10 THEN 10
                  ELSE (y.year - CAST(SUBSTR(r.last_on, 1, 4) AS INTEGER)) * 2 END) END) AS score
  FROM enterprises e LEFT JOIN assistance_received r ON r.enterprise_id = e.id CROSS JOIN need_score_year y;

INSERT INTO need_scores (enterprise_id, score) SELECT enterprise_id, score FROM need_score_recount;
CREATE INDEX need_scores_rank ON need_scores (score DESC, enterprise_id);

CREATE TRIGGER need_scores_enterprise_insert AFTER INSERT ON enterprises BEGIN
  INSERT INTO need_scores (enterprise_id, score) SELECT enterprise_id, score FROM need_score_recount WHERE enterprise_id = NEW.id ON CONFLICT (enterprise_id) DO UPDATE SET score = excluded.score;
END;
CREATE TRIGGER need_scores_enterprise_update AFTER UPDATE OF scale, founded_year, owner_id ON enterprises BEGIN
  INSERT INTO need_scores (enterprise_id, score) SELECT enterprise_id, score FROM need_score_recount WHERE enterprise_id = NEW.id ON CONFLICT (enterprise_id) DO UPDATE SET score = excluded.score;
END;
CREATE TRIGGER need_scores_enterprise_delete AFTER DELETE ON enterprises BEGIN
  DELETE FROM need_scores WHERE enterprise_id = OLD.id;
END;
CREATE TRIGGER need_scores_household_insert AFTER INSERT ON household_categories BEGIN
  INSERT INTO need_scores (enterprise_id, score) SELECT enterprise_id, score FROM need_score_recount WHERE enterprise_id IN (SELECT id FROM enterprises WHERE owner_id = NEW.person_id) ON CONFLICT (enterprise_id) DO UPDATE SET score = excluded.score;
END;
CREATE TRIGGER need_scores_household_delete AFTER DELETE ON household_categories BEGIN
  INSERT INTO need_scores (enterprise_id, score) SELECT enterprise_id, score FROM need_score_recount WHERE enterprise_id IN (SELECT id FROM enterprises WHERE owner_id = OLD.person_id) ON CONFLICT (enterprise_id) DO UPDATE SET score = excluded.score;
END;
CREATE TRIGGER need_scores_received_insert AFTER INSERT ON assistance_received WHEN NEW.enterprise_id IS NOT NULL BEGIN
  INSERT INTO need_scores (enterprise_id, score) SELECT enterprise_id, score FROM need_score_recount WHERE enterprise_id = NEW.enterprise_id ON CONFLICT (enterprise_id) DO UPDATE SET score = excluded.score;
END;
CREATE TRIGGER need_scores_received_update AFTER UPDATE ON assistance_received WHEN NEW.enterprise_id IS NOT NULL BEGIN
  INSERT INTO need_scores (enterprise_id, score) SELECT enterprise_id, score FROM need_score_recount WHERE enterprise_id = NEW.enterprise_id ON CONFLICT (enterprise_id) DO UPDATE SET score = excluded.score;
END;
CREATE TRIGGER need_scores_received_delete AFTER DELETE ON assistance_received WHEN OLD.enterprise_id IS NOT NULL BEGIN
  INSERT INTO need_scores (enterprise_id, score) SELECT enterprise_id, score FROM need_score_recount WHERE enterprise_id = OLD.enterprise_id ON CONFLICT (enterprise_id) DO UPDATE SET score = excluded.score;
END;
