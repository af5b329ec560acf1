-- Registry search (q) by words: a full-text index over enterprises.search_text (name, owner and
-- NIB), kept in step with the table by triggers. "batik sa" finds "Batik Tulis Sari".
CREATE VIRTUAL TABLE enterprise_search USING fts5(
  search_text, content = 'enterprises', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO enterprise_search (enterprise_search) VALUES ('rebuild');
CREATE TRIGGER enterprise_search_insert AFTER INSERT ON enterprises BEGIN
  INSERT INTO enterprise_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER enterprise_search_delete AFTER DELETE ON enterprises BEGIN
  INSERT INTO enterprise_search (enterprise_search, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER enterprise_search_update AFTER UPDATE OF search_text ON enterprises BEGIN
  INSERT INTO enterprise_search (enterprise_search, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
  INSERT INTO enterprise_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
