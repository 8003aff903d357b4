-- Official documents (symbol, titles, access level, status, relations, language versions) and
-- the registry of resolutions (instrument, number, revisions, status), with the citations
-- found in documents' texts.
-- Multilingual texts are JSON objects keyed by language code, as everywhere else.

-- A document of a body, e.g. C22/32(Rev.1). The symbol is stored in the canonical form of
-- text::FormatSymbol, without a language suffix (language versions are files).
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  symbol TEXT NOT NULL UNIQUE,
  body_id INTEGER REFERENCES bodies(id),
  title TEXT NOT NULL,          -- multilingual JSON
  summary TEXT NOT NULL DEFAULT '{}',  -- multilingual JSON: the abstract ("概要"), optional
  date TEXT NOT NULL,           -- YYYY-MM-DD, the date the document bears
  source_kind TEXT NOT NULL CHECK (source_kind IN ('secretariat', 'chair', 'member_state', 'other')),
  source TEXT NOT NULL DEFAULT '{}',   -- multilingual JSON: "China", "Chair of CWG-Internet"
  -- Who may see the document at all (its metadata, its files, that it exists):
  -- public = everyone; member_states = Member State delegates and staff; secretariat = staff.
  access TEXT NOT NULL CHECK (access IN ('public', 'member_states', 'secretariat')),
  status TEXT NOT NULL CHECK (status IN ('draft', 'issued', 'superseded')),
  illustrative INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE INDEX documents_by_body ON documents(body_id, symbol);

-- "C22/32(Rev.1) revises C22/32": document_id → target_id.
CREATE TABLE document_relations (
  document_id INTEGER NOT NULL REFERENCES documents(id),
  kind TEXT NOT NULL CHECK (kind IN ('revises', 'corrects', 'adds_to')),
  target_id INTEGER NOT NULL REFERENCES documents(id),
  PRIMARY KEY (document_id, kind, target_id),
  CHECK (document_id <> target_id)
);
CREATE INDEX document_relations_by_target ON document_relations(target_id);

-- One file per language version; uploading again replaces it (the audit log keeps the digest).
CREATE TABLE document_files (
  document_id INTEGER NOT NULL REFERENCES documents(id),
  language TEXT NOT NULL CHECK (language IN ('ar', 'zh', 'en', 'fr', 'ru', 'es')),
  filename TEXT NOT NULL,       -- as uploaded; downloads are named after the symbol
  media_type TEXT NOT NULL,     -- judged from the content by libmagic
  size INTEGER NOT NULL,
  digest TEXT NOT NULL,
  data BLOB NOT NULL,
  uploaded_at INTEGER NOT NULL,
  user_id INTEGER REFERENCES users(id),
  PRIMARY KEY (document_id, language)
);

-- Resolutions of ITU's conferences and of the Council, e.g. ("pp", 102), ("council", 1336).
CREATE TABLE resolutions (
  id INTEGER PRIMARY KEY,
  instrument TEXT NOT NULL CHECK (instrument IN ('pp', 'council', 'wtdc', 'wtsa', 'wrc', 'ra')),
  number INTEGER NOT NULL CHECK (number > 0),
  title TEXT NOT NULL,          -- multilingual JSON
  status TEXT NOT NULL CHECK (status IN ('in_force', 'abrogated', 'merged')),
  merged_into_id INTEGER REFERENCES resolutions(id),
  status_year INTEGER,          -- the year it was abrogated or merged
  created_at INTEGER NOT NULL,
  UNIQUE (instrument, number),
  CHECK ((status = 'merged') = (merged_into_id IS NOT NULL))
);

-- Each version: adopted ("Dubai, 2018") or revised ("Rev. Dubai, 2018", Council "Rev. 2019").
CREATE TABLE resolution_revisions (
  resolution_id INTEGER NOT NULL REFERENCES resolutions(id),
  year INTEGER NOT NULL,
  place TEXT NOT NULL DEFAULT '',      -- canonical English name, as text::Citation::place; '' for the Council
  place_names TEXT NOT NULL DEFAULT '{}',  -- multilingual JSON for display
  revised INTEGER NOT NULL,            -- 0: the adoption; 1: a revision
  PRIMARY KEY (resolution_id, year)
);

-- Citations found (text::ExtractCitations) in the titles and summaries of documents, written in
-- the transaction that writes the document. Consultations and meeting actions are read at query
-- time (documents/internal.cc).
CREATE TABLE citations (
  id INTEGER PRIMARY KEY,
  source_kind TEXT NOT NULL,    -- 'document'
  source_id INTEGER NOT NULL,
  language TEXT NOT NULL,       -- the language version of the text it was found in
  kind TEXT NOT NULL CHECK (kind IN ('resolution', 'document')),
  instrument TEXT NOT NULL DEFAULT '',
  number INTEGER NOT NULL DEFAULT 0,
  symbol TEXT NOT NULL DEFAULT '',     -- documents: canonical, without a language suffix
  text TEXT NOT NULL                   -- the citation as written
);
CREATE INDEX citations_of_resolution ON citations(kind, instrument, number);
CREATE INDEX citations_of_document ON citations(kind, symbol);
CREATE INDEX citations_by_source ON citations(source_kind, source_id);
