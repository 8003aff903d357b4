-- migrate: foreign_keys off
-- Accounts for the public (verified by a signed e-mail link), Member State delegates and
-- chairs; the mail outbox; confirmation of the e-mail address a response was sent with.

-- users: the role CHECK must admit the new roles, and SQLite cannot alter a CHECK, so the table
-- is rebuilt the way SQLite documents it (the first line of this file has Migrate() run it with
-- foreign keys off, then check every reference before COMMIT): sessions and audit entries keep
-- pointing at the same ids, and nobody is signed out by the upgrade.
-- dialect: sqlite
CREATE TABLE users_new (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'secretariat', 'chair', 'delegate', 'public')),
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  -- The Member State a delegate speaks for: ISO 3166-1 alpha-2 ("CH"). Only delegates.
  member_state TEXT CHECK ((role = 'delegate') = (member_state IS NOT NULL)),
  -- NULL until the owner followed the link of the verification mail (self sign-up only);
  -- accounts made by an administrator are verified when made.
  email_verified_at INTEGER
);
INSERT INTO users_new(id, email, name, role, password_hash, created_at, email_verified_at)
  SELECT id, email, name, role, password_hash, created_at, created_at FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
-- dialect: postgresql
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
  CHECK (role IN ('admin', 'secretariat', 'chair', 'delegate', 'public'));
ALTER TABLE users ADD COLUMN member_state TEXT
  CHECK ((role = 'delegate') = (member_state IS NOT NULL));
ALTER TABLE users ADD COLUMN email_verified_at INTEGER;
UPDATE users SET email_verified_at = created_at;
-- dialect: both

-- Mail waiting to go out through SMTP (mail::Enqueue, in the transaction of the row that
-- caused it; mail::Sender delivers). next_attempt_at is NULL once sent or given up.
CREATE TABLE mail_outbox (
  id INTEGER PRIMARY KEY,
  recipient TEXT NOT NULL,      -- personal data: never published
  subject TEXT NOT NULL,        -- UTF-8, encoded (RFC 2047) when sent
  body TEXT NOT NULL,           -- UTF-8 plain text
  created_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  sent_at INTEGER,
  last_error TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox(next_attempt_at) WHERE next_attempt_at IS NOT NULL;

-- The key of the signed links in mails (HMAC-SHA-256, see accounts/tokens.h). SQLite's
-- randomblob() draws from the operating system's entropy.
CREATE TABLE secrets (
  name TEXT PRIMARY KEY,
  value BLOB NOT NULL
);
INSERT INTO secrets(name, value) VALUES ('mail_token_key', randomblob(32));

-- When the respondent followed the link of the confirmation mail (or answered signed in with a
-- verified account). A response counts as received either way; the secretariat sees which are
-- confirmed. Responses already stored were taken without confirmation: the demo's count as
-- confirmed, others stay unconfirmed.
ALTER TABLE responses ADD COLUMN email_confirmed_at INTEGER;
UPDATE responses SET email_confirmed_at = submitted_at WHERE illustrative = 1;
