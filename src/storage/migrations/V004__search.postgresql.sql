-- Registry search (q) by words: a full-text index over enterprises.search_text (name, owner and
-- NIB). "batik sa" finds "Batik Tulis Sari". The 'simple' configuration neither stems nor drops
-- words, which suits names.
CREATE INDEX enterprises_search ON enterprises USING gin (to_tsvector('simple', search_text));
