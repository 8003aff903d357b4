-- Plenary's first schema: accounts, bodies, meetings, consultations, responses, audit.
-- Multilingual texts are JSON objects keyed by language code: {"en": "...", "zh": "..."}.
-- Instants are Unix seconds (UTC); the zone they are shown in is stored beside them.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'secretariat')),
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);

CREATE TABLE bodies (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  acronym TEXT NOT NULL,
  name TEXT NOT NULL,          -- multilingual JSON
  description TEXT NOT NULL,   -- multilingual JSON
  membership TEXT NOT NULL CHECK (membership IN ('member_states', 'open')),
  open_consultations INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  body_id INTEGER NOT NULL REFERENCES bodies(id),
  kind TEXT NOT NULL CHECK (kind IN ('working_group', 'open_consultation')),
  number INTEGER NOT NULL,
  title TEXT NOT NULL,         -- multilingual JSON
  starts_on TEXT NOT NULL,     -- YYYY-MM-DD, civil date in `timezone`
  ends_on TEXT NOT NULL,
  starts_at TEXT,              -- HH:MM, optional
  timezone TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('physical', 'virtual', 'hybrid')),
  place TEXT NOT NULL DEFAULT '{}',  -- multilingual JSON
  -- How the report states the counts: "more than N" when the organisers counted N+.
  registered_more_than INTEGER NOT NULL DEFAULT 0,
  attended_more_than INTEGER NOT NULL DEFAULT 0,
  UNIQUE (body_id, kind, number)
);

CREATE TABLE contributions (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  symbol TEXT NOT NULL,
  title TEXT NOT NULL,         -- multilingual JSON
  source TEXT NOT NULL         -- multilingual JSON
);

CREATE TABLE stakeholder_types (
  key TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  label TEXT NOT NULL,         -- multilingual JSON; report phrases live in the message catalogue
  -- 0 for "not stated": kept for imported records whose type is unknown; the response form
  -- does not offer it, and the report counts it in the total without naming it.
  selectable INTEGER NOT NULL DEFAULT 1
);
INSERT INTO stakeholder_types(key, position, label, selectable) VALUES
  ('government', 1, '{"en":"Government","zh":"政府","fr":"Gouvernement","es":"Gobierno","ru":"Правительство","ar":"حكومة"}', 1),
  ('private_sector', 2, '{"en":"Private sector","zh":"私营部门","fr":"Secteur privé","es":"Sector privado","ru":"Частный сектор","ar":"القطاع الخاص"}', 1),
  ('industry_association', 3, '{"en":"Industry association","zh":"行业协会","fr":"Association professionnelle","es":"Asociación sectorial","ru":"Отраслевая ассоциация","ar":"رابطة صناعية"}', 1),
  ('civil_society', 4, '{"en":"Civil society","zh":"民间社会","fr":"Société civile","es":"Sociedad civil","ru":"Гражданское общество","ar":"المجتمع المدني"}', 1),
  ('academia_technical', 5, '{"en":"Academia and technical community","zh":"学术界和技术界","fr":"Milieux universitaires et communauté technique","es":"Academia y comunidad técnica","ru":"Академические круги и техническое сообщество","ar":"الأوساط الأكاديمية والمجتمع التقني"}', 1),
  ('international_organization', 6, '{"en":"International organization","zh":"国际组织","fr":"Organisation internationale","es":"Organización internacional","ru":"Международная организация","ar":"منظمة دولية"}', 1),
  ('individual', 7, '{"en":"Individual","zh":"个人","fr":"Particulier","es":"Particular","ru":"Частное лицо","ar":"فرد"}', 1),
  ('not_stated', 99, '{"en":"Not stated","zh":"未说明","fr":"Non précisé","es":"No indicado","ru":"Не указано","ar":"غير مذكور"}', 0);

CREATE TABLE consultations (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  body_id INTEGER NOT NULL REFERENCES bodies(id),
  launched_at_meeting_id INTEGER REFERENCES meetings(id),
  considered_at_meeting_id INTEGER REFERENCES meetings(id),
  meeting_id INTEGER REFERENCES meetings(id),  -- the open consultation meeting
  title TEXT NOT NULL,         -- multilingual JSON
  description TEXT NOT NULL,   -- multilingual JSON
  opens_at INTEGER NOT NULL,
  deadline INTEGER NOT NULL,
  timezone TEXT NOT NULL,
  summary TEXT,                -- multilingual JSON: the participants' summary
  summary_published_at INTEGER,
  illustrative INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);

CREATE TABLE questions (
  consultation_id INTEGER NOT NULL REFERENCES consultations(id),
  number INTEGER NOT NULL,
  text TEXT NOT NULL,          -- multilingual JSON
  PRIMARY KEY (consultation_id, number)
);

CREATE TABLE deadline_extensions (
  id INTEGER PRIMARY KEY,
  consultation_id INTEGER NOT NULL REFERENCES consultations(id),
  previous_deadline INTEGER NOT NULL,
  new_deadline INTEGER NOT NULL,
  reason TEXT NOT NULL,        -- multilingual JSON
  user_id INTEGER REFERENCES users(id),
  at INTEGER NOT NULL
);

-- Lifecycle of a response: received → accepted | rejected; accepted → published.
CREATE TABLE responses (
  id INTEGER PRIMARY KEY,
  consultation_id INTEGER NOT NULL REFERENCES consultations(id),
  reference TEXT NOT NULL UNIQUE,
  idempotency_key TEXT UNIQUE,
  name TEXT NOT NULL,
  organization TEXT NOT NULL DEFAULT '',
  job_title TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL,
  stakeholder_type TEXT NOT NULL REFERENCES stakeholder_types(key),
  email TEXT NOT NULL,         -- personal data: never published
  language TEXT NOT NULL,
  general_text TEXT NOT NULL DEFAULT '',
  consent_publish INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'accepted', 'rejected', 'published')),
  reject_reason TEXT,
  redacted INTEGER NOT NULL DEFAULT 0,
  illustrative INTEGER NOT NULL DEFAULT 0,
  submitted_at INTEGER NOT NULL,
  published_at INTEGER
);
CREATE INDEX responses_by_consultation ON responses(consultation_id, status);

CREATE TABLE answers (
  response_id INTEGER NOT NULL REFERENCES responses(id),
  question_number INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (response_id, question_number)
);

CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  response_id INTEGER NOT NULL REFERENCES responses(id),
  filename TEXT NOT NULL,
  media_type TEXT NOT NULL,    -- judged from the content by libmagic
  size INTEGER NOT NULL,
  digest TEXT NOT NULL,
  data BLOB NOT NULL
);

CREATE TABLE registrations (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  name TEXT NOT NULL,
  organization TEXT NOT NULL DEFAULT '',
  stakeholder_type TEXT NOT NULL REFERENCES stakeholder_types(key),
  country TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',  -- personal data: never published
  attended INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);

-- One row per person who attended (deduplicated), whether or not they registered.
CREATE TABLE attendance (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  person_key TEXT NOT NULL,      -- lower-cased e-mail, else the normalised name
  name TEXT NOT NULL,
  minutes INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL CHECK (source IN ('import', 'manual')),
  registration_id INTEGER REFERENCES registrations(id),
  UNIQUE (meeting_id, person_key)
);

-- Actions a meeting approved; linked to a consultation when they concern one.
CREATE TABLE actions (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  consultation_id INTEGER REFERENCES consultations(id),
  number TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('launch_consultation', 'submit_summary',
    'consider_responses', 'defer_topic', 'report_more', 'other')),
  owner TEXT NOT NULL,          -- multilingual JSON
  text TEXT NOT NULL,           -- multilingual JSON
  created_at INTEGER NOT NULL
);

-- Append-only record of every write by the secretariat, in the same transaction.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  user_id INTEGER REFERENCES users(id),
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id INTEGER,
  before TEXT,
  after TEXT
);
-- dialect: sqlite
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
-- dialect: postgresql
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
-- dialect: both
