-- Search on PostgreSQL: each server answers from an index of its own (a SQLite file with the
-- FTS5 tables and the `plenary` tokenizer, search::LocalIndex), because PostgreSQL has no FTS5.
-- search_docs, in the shared database, holds the indexed text; the indexer (one server at a
-- time) appends the (kind, ref_id) of every item whose documents it replaced to search_log in
-- the same transaction, and every server's index follows the log (storage::IdFeed, which does
-- not miss an entry committed after a higher id). On SQLite the FTS5 tables are in the
-- database itself and nothing is logged.
CREATE TABLE search_log (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  ref_id INTEGER NOT NULL,
  at INTEGER NOT NULL
);

-- Entries older than a week are deleted by the indexer (search::PruneLog); an index whose
-- position is below `through` has missed some and is rebuilt.
CREATE TABLE search_log_pruned (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  through INTEGER NOT NULL
);
INSERT INTO search_log_pruned(id, through) VALUES(1, 0);
