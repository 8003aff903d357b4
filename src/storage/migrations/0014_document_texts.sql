-- The text read from each uploaded language version (documents/extract.h): one row per page of
-- a PDF (page 1, 2, …), one row with page 0 for DOCX, ODT and plain text. Written with the file,
-- in the same transaction; replaced when the file is.
CREATE TABLE document_texts (
  document_id INTEGER NOT NULL REFERENCES documents(id),
  language TEXT NOT NULL,
  page INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (document_id, language, page)
);

-- Why no text could be read from a file that was kept ("the PDF is damaged …"); NULL when its
-- text was read. Files uploaded before this migration have neither text nor error: their text
-- is read when they are uploaded again.
ALTER TABLE document_files ADD COLUMN text_error TEXT;

