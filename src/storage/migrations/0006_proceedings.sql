-- migrate: foreign_keys off
-- Proceedings: plenary meetings of a session, agenda items tied to their documents, the list of
-- speakers, the record of each item (interventions and statements, in the record's order),
-- typed decisions, candidatures, action items followed across sessions, and the summary
-- record's signatures. Multilingual texts are JSON objects keyed by language code.

-- Meetings gain the kind 'plenary' (a plenary meeting of a session such as the Council's) and
-- the session they belong to. SQLite cannot change a CHECK constraint in place: the table is
-- rebuilt (Migrate() runs this file with foreign keys off and checks them before COMMIT);
-- PostgreSQL alters it in place.
-- dialect: sqlite
CREATE TABLE meetings_new (
  id INTEGER PRIMARY KEY,
  body_id INTEGER NOT NULL REFERENCES bodies(id),
  kind TEXT NOT NULL CHECK (kind IN ('working_group', 'open_consultation', 'plenary')),
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  starts_at TEXT,
  timezone TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('physical', 'virtual', 'hybrid')),
  place TEXT NOT NULL DEFAULT '{}',
  registered_more_than INTEGER NOT NULL DEFAULT 0,
  attended_more_than INTEGER NOT NULL DEFAULT 0,
  session TEXT NOT NULL DEFAULT '',   -- e.g. 'C22' (Council 2022); '' for working groups
  UNIQUE (body_id, kind, number, session)
);
INSERT INTO meetings_new(id, body_id, kind, number, title, starts_on, ends_on, starts_at, timezone,
                         mode, place, registered_more_than, attended_more_than)
  SELECT id, body_id, kind, number, title, starts_on, ends_on, starts_at, timezone, mode, place,
         registered_more_than, attended_more_than FROM meetings;
DROP TABLE meetings;
ALTER TABLE meetings_new RENAME TO meetings;
-- dialect: postgresql
ALTER TABLE meetings DROP CONSTRAINT meetings_kind_check;
ALTER TABLE meetings ADD CONSTRAINT meetings_kind_check
  CHECK (kind IN ('working_group', 'open_consultation', 'plenary'));
ALTER TABLE meetings ADD COLUMN session TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings DROP CONSTRAINT meetings_body_id_kind_number_key;
ALTER TABLE meetings ADD CONSTRAINT meetings_body_id_kind_number_session_key
  UNIQUE (body_id, kind, number, session);
-- dialect: both

-- Numbered agenda items of a meeting ("1", "2", … "5bis"), in `position` order.
CREATE TABLE agenda_items (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  number TEXT NOT NULL,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,                 -- multilingual JSON
  created_at INTEGER NOT NULL,
  UNIQUE (meeting_id, number)
);

-- The documents an item is considered on the basis of, in the order the record names them.
CREATE TABLE agenda_item_documents (
  agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id),
  document_id INTEGER NOT NULL REFERENCES documents(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (agenda_item_id, document_id)
);

-- The list of speakers of an item: requests for the floor, in order; done when heard.
CREATE TABLE speakers (
  id INTEGER PRIMARY KEY,
  agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,                  -- as announced: "Councillor of Ghana", a person's name
  capacity TEXT NOT NULL,
  member_state TEXT NOT NULL DEFAULT '',  -- ISO 3166-1 alpha-2, or ''
  status TEXT NOT NULL CHECK (status IN ('waiting', 'done', 'withdrawn')),
  requested_at INTEGER NOT NULL,
  done_at INTEGER
);
CREATE INDEX speakers_by_item ON speakers(agenda_item_id, position);

-- The record of an item, paragraph by paragraph: who spoke in which capacity and what the
-- record says of it. `anonymous`: the record does not name the speaker ("one councillor").
-- kind 'statement': a statement by a minister or councillor (item 8 of the Council record).
CREATE TABLE interventions (
  id INTEGER PRIMARY KEY,
  agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('intervention', 'statement')),
  capacity TEXT NOT NULL CHECK (capacity IN ('chair', 'secretariat', 'bureau', 'councillor',
    'councillors', 'group_chair', 'minister', 'observer', 'other')),
  speaker TEXT NOT NULL DEFAULT '{}',  -- multilingual JSON: a name and title, when named
  member_state TEXT NOT NULL DEFAULT '',
  bureau TEXT NOT NULL DEFAULT '' CHECK (bureau IN ('', 'GS', 'BR', 'TSB', 'BDT')),
  anonymous INTEGER NOT NULL DEFAULT 1,
  summary TEXT NOT NULL,               -- multilingual JSON: the paragraph of the record
  created_at INTEGER NOT NULL
);
CREATE INDEX interventions_by_item ON interventions(agenda_item_id, position);

-- What the meeting decided on an item; the record's last paragraph of the item.
-- kind: took_note | approved | endorsed | agreed | forwarded | deferred | referred_informal.
-- `forwarded_to` names the recipient (also with took_note: "took note … and agreed to forward").
CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('took_note', 'approved', 'endorsed', 'agreed', 'forwarded',
    'deferred', 'referred_informal')),
  forwarded_to TEXT NOT NULL DEFAULT '' CHECK (forwarded_to IN ('', 'un_secretary_general',
    'plenipotentiary_conference', 'council', 'working_group', 'member_states')),
  accompanied_by TEXT NOT NULL DEFAULT '{}',  -- multilingual JSON: what goes along
  report_back TEXT NOT NULL DEFAULT '{}',     -- multilingual JSON: "a later plenary meeting"
  wording TEXT NOT NULL DEFAULT '{}',         -- multilingual JSON: the decision as recorded
  created_at INTEGER NOT NULL
);
CREATE INDEX decisions_by_item ON decisions(agenda_item_id, position);

-- Candidatures announced for an election (post, candidate, nominating Member State), in the
-- statement that announced them when there is one.
CREATE TABLE candidatures (
  id INTEGER PRIMARY KEY,
  agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id),
  intervention_id INTEGER REFERENCES interventions(id),
  post TEXT NOT NULL CHECK (post IN ('council_member', 'secretary_general',
    'deputy_secretary_general', 'director_br', 'director_tsb', 'director_bdt', 'rrb_member')),
  election TEXT NOT NULL DEFAULT '',   -- 'PP-22'
  candidate TEXT NOT NULL,             -- a person, or for council_member the Member State's name
  member_state TEXT NOT NULL,          -- the nominating Member State, ISO 3166-1 alpha-2
  created_at INTEGER NOT NULL
);

-- Actions gain their origin (the decision, or an item's record) and whom they are due by. Their
-- status and what fulfilled them are their history, action_events: the latest event's status
-- is the action's (open when it has none).
ALTER TABLE actions ADD COLUMN decision_id INTEGER REFERENCES decisions(id);
ALTER TABLE actions ADD COLUMN agenda_item_id INTEGER REFERENCES agenda_items(id);
ALTER TABLE actions ADD COLUMN due TEXT NOT NULL DEFAULT '{}';   -- multilingual: "Council 2023"

-- Each change of an action, at a meeting or not: the record of what fulfilled it.
CREATE TABLE action_events (
  id INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES actions(id),
  at INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'done', 'dropped')),
  meeting_id INTEGER REFERENCES meetings(id),      -- where it was reported, if at a meeting
  document_id INTEGER REFERENCES documents(id),    -- what fulfilled it, if a document
  note TEXT NOT NULL DEFAULT '{}',                 -- multilingual JSON
  user_id INTEGER REFERENCES users(id)
);
CREATE INDEX action_events_by_action ON action_events(action_id, id);
-- The history of an action made before this migration starts at the meeting that approved it.
INSERT INTO action_events(action_id, at, status, meeting_id)
  SELECT id, created_at, 'open', meeting_id FROM actions;

-- The summary record of a meeting: its symbol and signatories.
CREATE TABLE summary_records (
  meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id),
  document_id INTEGER REFERENCES documents(id),
  secretary_general TEXT NOT NULL DEFAULT '{}',   -- multilingual JSON: the name as signed
  chair TEXT NOT NULL DEFAULT '{}',
  updated_at INTEGER NOT NULL
);
