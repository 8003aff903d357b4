-- The state of each language's text of a multilingual field: a row says that the text of
-- `lang` in field `field` of record `owner_id` of kind `owner` is a draft. A language without a
-- row is final when it has a text and missing when it has none (the text itself lives in the
-- owner's JSON column); a text written without a state is the secretariat's and final, so only
-- drafts need a row. The rows are written by site::WriteTextStates in the transaction of the use
-- case that writes the text, and deleted with the text.
-- Plain table: the same statements on SQLite and PostgreSQL.
CREATE TABLE text_states (
  owner TEXT NOT NULL,     -- consultation, question, meeting, document, agenda_item, intervention,
                           -- decision, action, text, provision
  owner_id INTEGER NOT NULL,
  field TEXT NOT NULL,     -- title, description, summary, wording, text
  lang TEXT NOT NULL CHECK (lang IN ('ar', 'zh', 'en', 'fr', 'ru', 'es')),
  state TEXT NOT NULL CHECK (state IN ('draft')),
  PRIMARY KEY (owner, owner_id, field, lang)
);
