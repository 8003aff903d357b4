-- Following and forgotten passwords: what a signed-in participant follows (a body, a
-- consultation or a meeting), the daily digests sent about it, the language of a participant's
-- mails, and the one-use links that reset a forgotten password.
-- Plain tables and an added column: the same statements on SQLite and PostgreSQL.

-- The language of the mails an account receives (the digest; chosen when the participant signs
-- up or follows something from a page in that language).
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'en'
  CHECK (language IN ('ar', 'zh', 'en', 'fr', 'ru', 'es'));

-- What a participant follows. `target_id` is the id of the body, consultation or meeting; no
-- foreign key can name three tables, so the follow use case checks that the target exists.
CREATE TABLE follows (
  user_id INTEGER NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL CHECK (kind IN ('body', 'consultation', 'meeting')),
  target_id INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, kind, target_id)
);

-- One row per participant and UTC day whose digest went into the mail outbox, written in the
-- same transaction as the mail: the primary key is what makes two servers running the digest at
-- once send it once (the second insert finds the first's row and sends nothing). `until_at` is
-- the end of the period it covered: the next digest starts there.
CREATE TABLE digests (
  user_id INTEGER NOT NULL REFERENCES users(id),
  day TEXT NOT NULL,            -- YYYY-MM-DD (UTC)
  until_at INTEGER NOT NULL,
  items INTEGER NOT NULL,
  PRIMARY KEY (user_id, day)
);

-- Links of "Forgot your password?" mails: only the BLAKE2b-256 digest (base::Digest) of the
-- random token is kept; a link works once (`used_at`) and until `expires_at`.
CREATE TABLE password_resets (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE INDEX password_resets_by_user ON password_resets(user_id);
