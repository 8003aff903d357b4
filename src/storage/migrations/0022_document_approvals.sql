-- The approval of a generated document (summary record, Chair's report, consultation report,
-- negotiated text) before its issue: draft → approved → issued. One row per source while its
-- next version is approved; issuing it deletes the row in the issue's transaction and
-- withdrawing the approval deletes it too (documents/generated.cc). Each transition is in the
-- audit log. Plain statements: the same on SQLite and PostgreSQL.
CREATE TABLE document_approvals (
  -- The same key as issued_documents.source: "meeting-record:12".
  source TEXT PRIMARY KEY,
  approved_at INTEGER NOT NULL,
  user_id INTEGER REFERENCES users(id)
);
