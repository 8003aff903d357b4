-- Full-text search: the public text of the platform, one row per item and language version,
-- indexed by one FTS5 table per language (its stemmer), with the "plenary" tokenizer (CJK
-- bigrams, Arabic normalisation, Snowball stems).
--
-- Writes never wait for the index: a change enqueues its item in search_queue in the same
-- transaction, and the indexer (search/search.cc) drains the queue behind the durable
-- write. The queue is the indexing lag, and it survives a restart.

CREATE TABLE search_docs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,          -- response | consultation | meeting | contribution | action
  ref_id INTEGER NOT NULL,     -- the item's id in its own table
  language TEXT NOT NULL,
  consultation_id INTEGER,
  body_id INTEGER,
  date TEXT NOT NULL,          -- YYYY-MM-DD, for filters
  url TEXT NOT NULL,           -- the page, without the language prefix
  title TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX search_docs_by_item ON search_docs(kind, ref_id);

-- PostgreSQL has no FTS5: there the tables below do not exist and search is not yet served
-- (docs/STORAGE.md).
-- dialect: sqlite
CREATE VIRTUAL TABLE search_fts_ar USING fts5(title, body, content='search_docs',
  content_rowid='id', tokenize='plenary ar');
CREATE VIRTUAL TABLE search_fts_zh USING fts5(title, body, content='search_docs',
  content_rowid='id', tokenize='plenary zh');
CREATE VIRTUAL TABLE search_fts_en USING fts5(title, body, content='search_docs',
  content_rowid='id', tokenize='plenary en');
CREATE VIRTUAL TABLE search_fts_fr USING fts5(title, body, content='search_docs',
  content_rowid='id', tokenize='plenary fr');
CREATE VIRTUAL TABLE search_fts_ru USING fts5(title, body, content='search_docs',
  content_rowid='id', tokenize='plenary ru');
CREATE VIRTUAL TABLE search_fts_es USING fts5(title, body, content='search_docs',
  content_rowid='id', tokenize='plenary es');
-- dialect: both

CREATE TABLE search_queue (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  ref_id INTEGER NOT NULL,
  at INTEGER NOT NULL
);

-- Whatever exists already is indexed once.
INSERT INTO search_queue(kind, ref_id, at) SELECT 'consultation', id, unixepoch() FROM consultations;
INSERT INTO search_queue(kind, ref_id, at) SELECT 'meeting', id, unixepoch() FROM meetings;
INSERT INTO search_queue(kind, ref_id, at) SELECT 'contribution', id, unixepoch() FROM contributions;
INSERT INTO search_queue(kind, ref_id, at) SELECT 'action', id, unixepoch() FROM actions;
INSERT INTO search_queue(kind, ref_id, at)
  SELECT 'response', id, unixepoch() FROM responses WHERE status = 'published';
