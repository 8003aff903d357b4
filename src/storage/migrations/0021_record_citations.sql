-- What consultations, actions and agenda items cite is written into `citations` with them from
-- now on (source_kind 'consultation', 'action', 'agenda_item'), as documents' citations are,
-- so that "cited by" reads rows instead of scanning every record's text on each request. A
-- database made before holds none of those rows: this one asks the server to write them once
-- at its next start (demo::RecordCitations, called by `plenary serve`), which deletes it.
CREATE TABLE citations_backfill (
  pending INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO citations_backfill(pending) VALUES (1);
