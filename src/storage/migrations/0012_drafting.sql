-- Negotiated texts (src/drafting/): a draft tied to a document and an agenda item, its
-- provisions (sections and lettered paragraphs, labelled "2.b" as the body writes them) and
-- the square brackets placed in the text of each language, with every change kept in
-- text_history. Offsets are Unicode code points of that language's text, [start, end).
-- Portable SQL: PostgreSQL accepts it as written.
CREATE TABLE texts (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id),
  title TEXT NOT NULL,                 -- multilingual JSON
  languages TEXT NOT NULL,             -- JSON array of language codes, e.g. ["en","zh"]
  status TEXT NOT NULL CHECK (status IN ('draft', 'adopted')),
  version INTEGER NOT NULL,            -- raised by every change of the text
  -- Who may read it (the rule of documents): never looser than its document's level;
  -- member_states unless the document is restricted further or the secretariat chose otherwise.
  access TEXT NOT NULL CHECK (access IN ('public', 'member_states', 'secretariat')),
  illustrative INTEGER NOT NULL DEFAULT 0,  -- written for the demo, not a real document's text
  created_at INTEGER NOT NULL
);
CREATE INDEX texts_by_document ON texts(document_id);
CREATE INDEX texts_by_item ON texts(agenda_item_id);

-- A section (label "2") or a paragraph of the section before it (label "2.b"). Labels are
-- derived from the order and rewritten when a provision is inserted or removed.
CREATE TABLE provisions (
  id INTEGER PRIMARY KEY,
  text_id INTEGER NOT NULL REFERENCES texts(id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('section', 'paragraph')),
  label TEXT NOT NULL,
  body TEXT NOT NULL,                  -- multilingual JSON: the provision's text per language
  UNIQUE (text_id, position)
);

CREATE TABLE brackets (
  id INTEGER PRIMARY KEY,
  provision_id INTEGER NOT NULL REFERENCES provisions(id),
  lang TEXT NOT NULL,
  start_offset INTEGER NOT NULL,       -- code points, inclusive
  end_offset INTEGER NOT NULL,         -- code points, exclusive
  kind TEXT NOT NULL CHECK (kind IN ('retain_or_delete', 'alternatives')),
  alternatives TEXT NOT NULL,          -- JSON array of texts (2 or more for 'alternatives')
  proposed_by TEXT NOT NULL,           -- ISO 3166-1 alpha-2 code, or '' (the secretariat)
  supported_by TEXT NOT NULL,          -- JSON array of codes
  objected_by TEXT NOT NULL,           -- JSON array of codes
  note TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'agreed', 'deleted')),
  created_at INTEGER NOT NULL
);
CREATE INDEX brackets_by_provision ON brackets(provision_id, lang);

-- Every change of a text: who, what, and the version it produced. Kept when a provision is
-- removed (object_id is not a foreign key for that reason).
CREATE TABLE text_history (
  id INTEGER PRIMARY KEY,
  text_id INTEGER NOT NULL REFERENCES texts(id),
  version INTEGER NOT NULL,
  user_id INTEGER REFERENCES users(id),
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id INTEGER,
  detail TEXT NOT NULL,                -- JSON: the change
  at INTEGER NOT NULL
);
CREATE INDEX text_history_by_text ON text_history(text_id, version);
