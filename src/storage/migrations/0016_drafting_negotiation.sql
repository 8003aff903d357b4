-- Negotiated texts, continued (src/drafting/): Member States' proposals, the frozen revisions
-- of a text and the documents they were issued as, informal consultations with their
-- facilitator, adoption, and the state of the whole text after each change (so that any
-- version can be shown and compared).
-- Portable SQL: PostgreSQL accepts it as written.

-- The text as it stood after the change (JSON: provisions with their texts and brackets);
-- '' for rows that do not change the text (proposals) and rows written before this migration.
ALTER TABLE text_history ADD COLUMN snapshot TEXT NOT NULL DEFAULT '';

-- A proposal of a Member State on a provision (or, add_provision, after it). Offsets are code
-- points of the provision's text in `lang`. state: open → bracketed (turned into bracket
-- `bracket_id`) | merged (applied to the text) | withdrawn.
CREATE TABLE proposals (
  id INTEGER PRIMARY KEY,
  text_id INTEGER NOT NULL REFERENCES texts(id),
  provision_id INTEGER NOT NULL,       -- kept when the provision is removed (no foreign key)
  member_state TEXT NOT NULL,          -- ISO 3166-1 alpha-2
  kind TEXT NOT NULL CHECK (kind IN ('insert', 'delete', 'replace', 'add_provision',
    'delete_provision')),
  lang TEXT NOT NULL,
  start_offset INTEGER,                -- insert, delete, replace
  end_offset INTEGER,                  -- delete, replace (insert: = start)
  provision_kind TEXT NOT NULL DEFAULT 'paragraph' CHECK (provision_kind IN ('section', 'paragraph')),
  words TEXT NOT NULL,                 -- the proposed text ('' for delete, delete_provision)
  justification TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'bracketed', 'merged', 'withdrawn')),
  bracket_id INTEGER,
  user_id INTEGER REFERENCES users(id),  -- who recorded it
  created_at INTEGER NOT NULL
);
CREATE INDEX proposals_by_text ON proposals(text_id, member_state);

-- Revisions issued: revision `number` froze version `version` of the text as document
-- `document_id` (C22/32(Rev.2), registered in the documents registry).
CREATE TABLE text_revisions (
  id INTEGER PRIMARY KEY,
  text_id INTEGER NOT NULL REFERENCES texts(id),
  number INTEGER NOT NULL,
  version INTEGER NOT NULL,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  user_id INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  UNIQUE (text_id, number)
);

-- Provisions sent to informal consultations: the facilitator's account may edit them (and
-- nothing else) until the text is adopted; the report back goes to `report_to_meeting_id`.
CREATE TABLE informal_consultations (
  id INTEGER PRIMARY KEY,
  text_id INTEGER NOT NULL REFERENCES texts(id),
  provisions TEXT NOT NULL,            -- JSON array of provision ids
  -- NULL for a facilitator without an account here (the demo's): nobody edits on their behalf.
  facilitator_user_id INTEGER REFERENCES users(id),
  facilitator_name TEXT NOT NULL,
  member_state TEXT NOT NULL,
  report_to_meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  deadline TEXT NOT NULL,              -- YYYY-MM-DD
  decision_id INTEGER NOT NULL REFERENCES decisions(id),  -- kind referred_informal
  sent_version INTEGER NOT NULL,       -- the text's version when the provisions were sent
  -- The report back, once made: the paragraph it is recorded as on the agenda item of the
  -- meeting reported to (no foreign key: the record's paragraph may be corrected or removed),
  -- and the text's version then (what the consultations changed is the difference between
  -- sent_version and reported_version on their provisions).
  report_agenda_item_id INTEGER REFERENCES agenda_items(id),
  report_intervention_id INTEGER,
  reported_version INTEGER,
  reported_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX informal_by_text ON informal_consultations(text_id);

-- Adoption: the meeting and its decision, and the version adopted (the text is read-only after).
ALTER TABLE texts ADD COLUMN adopted_meeting_id INTEGER REFERENCES meetings(id);
ALTER TABLE texts ADD COLUMN adopted_decision_id INTEGER REFERENCES decisions(id);
ALTER TABLE texts ADD COLUMN adopted_version INTEGER;
-- When the adopting body numbers what it adopts: the resolution registered for the text.
ALTER TABLE texts ADD COLUMN adopted_resolution_id INTEGER REFERENCES resolutions(id);

-- The resolutions registry (owned by src/documents/) cites the document a resolution was
-- adopted from, when it is known (a text adopted here: its last revision's document).
ALTER TABLE resolutions ADD COLUMN document_id INTEGER REFERENCES documents(id);
