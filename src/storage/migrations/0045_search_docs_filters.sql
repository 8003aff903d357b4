-- The filters of a search (kind, consultation, body, dates) read beside each document's id in a
-- narrow index, not in search_docs' own rows, which hold the title and body inline (a few rows
-- a page): a filtered query tests a few hundred of the best matches against the filters, and
-- reading their rows was most of its time (docs/PROFILE.md). Search names it (INDEXED BY):
-- SQLite would otherwise look the id up in the table itself.
-- On PostgreSQL search runs in each server's own SQLite file (search::LocalIndex).
-- dialect: sqlite
CREATE INDEX search_docs_filters ON search_docs(id, kind, consultation_id, body_id, date);
