-- Issued generated documents (summary records, Chair's reports): the snapshot of their content
-- in each language and the files rendered from it, frozen once written. A correction or a
-- revision is a new document (C22/87(Corr.1)) with the next version of the same source.

CREATE TABLE issued_documents (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id),
  -- What was generated: "meeting-record:12", "chair-report:cwg-internet:16,17".
  source TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  snapshot TEXT NOT NULL,  -- JSON {"ar": model, …, "es": model} (src/render/model.h)
  issued_at INTEGER NOT NULL,
  user_id INTEGER REFERENCES users(id),
  UNIQUE (source, version)
);

CREATE TABLE issued_renditions (
  document_id INTEGER NOT NULL REFERENCES issued_documents(document_id),
  language TEXT NOT NULL CHECK (language IN ('ar', 'zh', 'en', 'fr', 'ru', 'es')),
  format TEXT NOT NULL CHECK (format IN ('docx', 'pdf', 'akn.xml')),
  data BLOB NOT NULL,
  digest TEXT NOT NULL,
  PRIMARY KEY (document_id, language, format)
);

-- Nothing changes an issued document.
-- dialect: sqlite
CREATE TRIGGER issued_documents_no_update BEFORE UPDATE ON issued_documents
BEGIN SELECT RAISE(ABORT, 'an issued document is never changed'); END;
CREATE TRIGGER issued_documents_no_delete BEFORE DELETE ON issued_documents
BEGIN SELECT RAISE(ABORT, 'an issued document is never deleted'); END;
CREATE TRIGGER issued_renditions_no_update BEFORE UPDATE ON issued_renditions
BEGIN SELECT RAISE(ABORT, 'an issued document is never changed'); END;
CREATE TRIGGER issued_renditions_no_delete BEFORE DELETE ON issued_renditions
BEGIN SELECT RAISE(ABORT, 'an issued document is never deleted'); END;
-- dialect: postgresql
CREATE FUNCTION issued_never_changed() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN RAISE EXCEPTION 'an issued document is never changed'; END $$;
CREATE FUNCTION issued_never_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN RAISE EXCEPTION 'an issued document is never deleted'; END $$;
CREATE TRIGGER issued_documents_no_update BEFORE UPDATE ON issued_documents
  FOR EACH ROW EXECUTE FUNCTION issued_never_changed();
CREATE TRIGGER issued_documents_no_delete BEFORE DELETE ON issued_documents
  FOR EACH ROW EXECUTE FUNCTION issued_never_deleted();
CREATE TRIGGER issued_renditions_no_update BEFORE UPDATE ON issued_renditions
  FOR EACH ROW EXECUTE FUNCTION issued_never_changed();
CREATE TRIGGER issued_renditions_no_delete BEFORE DELETE ON issued_renditions
  FOR EACH ROW EXECUTE FUNCTION issued_never_deleted();
-- dialect: both
