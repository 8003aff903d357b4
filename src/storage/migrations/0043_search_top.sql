-- The best documents of each frequent term, kept by the indexer beside the FTS5 tables, so that
-- a one-word query is ranked from a few rows instead of scoring every match (search/top_lists.h).
--
-- BM25 of one term in a document depends only on the term's weighted count in it (freq: a title
-- instance counts 2, as bm25(…, 2.0, 1.0) weighs it) and the document's length in tokens (len),
-- given the table's statistics: it grows with freq and falls with len. So the best k documents
-- for any statistics are among the k shortest of each freq: search_top keeps, per term and
-- freq (a group), the shortest documents; search_top_groups says how far each list is complete.
-- search_terms holds each term's document count (bm25's nHit) so that a query needs not count it.
-- On PostgreSQL the FTS5 tables live in each server's own SQLite file (search::LocalIndex),
-- where these tables are made by the same migration.
-- dialect: sqlite
CREATE TABLE search_terms (
  language TEXT NOT NULL,
  term TEXT NOT NULL,
  docs INTEGER NOT NULL,              -- documents of the language's table holding the term
  listed INTEGER NOT NULL DEFAULT 0,  -- 1: search_top keeps its best documents
  PRIMARY KEY (language, term)
) WITHOUT ROWID;
CREATE TABLE search_top_groups (
  language TEXT NOT NULL,
  term TEXT NOT NULL,
  freq INTEGER NOT NULL,
  listed INTEGER NOT NULL,  -- rows of search_top in the group
  bound INTEGER,            -- every document of the group shorter than this is listed, none is
                            -- longer; NULL: every document of the group is listed
  PRIMARY KEY (language, term, freq)
) WITHOUT ROWID;
CREATE TABLE search_top (
  language TEXT NOT NULL,
  term TEXT NOT NULL,
  freq INTEGER NOT NULL,
  len INTEGER NOT NULL,
  doc INTEGER NOT NULL,  -- search_docs.id, the rowid in search_fts_<language>
  PRIMARY KEY (language, term, freq, len, doc)
) WITHOUT ROWID;
-- 1 when the tables above describe the whole index; a database indexed before them is
-- described once by the indexer (search::IndexBatch), and queries rank in FTS5 until then.
CREATE TABLE search_top_state (built INTEGER NOT NULL);
INSERT INTO search_top_state(built) SELECT NOT EXISTS (SELECT 1 FROM search_docs);
-- dialect: both
