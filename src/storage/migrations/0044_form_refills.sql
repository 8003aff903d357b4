-- What a refused desk form had typed, kept for the page it goes back to (site/desk.h
-- BackWithError, Refill): the redirect names only a random token; the values stay here, so that
-- nothing typed (a long description, a registrant's e-mail address) is put in an address, and
-- no value is too long to come back. A row is read only with the session that typed it (the
-- digest of its cookie's token, as sessions.token_hash; it goes with the session), until
-- `expires_at` (site::kRefillSeconds after the refusal); expired rows are purged by each write
-- and read of the table. In the database, not in a server's memory: the redirect may reach
-- another server sharing the same PostgreSQL database.
-- Plain table: the same statements on SQLite and PostgreSQL.
CREATE TABLE form_refills (
  token_hash TEXT PRIMARY KEY,    -- base::Digest of the token in the redirect
  session_hash TEXT NOT NULL REFERENCES sessions(token_hash) ON DELETE CASCADE,
  typed TEXT NOT NULL,            -- JSON [[input id, value], ...] in the form's order
  expires_at INTEGER NOT NULL
);
CREATE INDEX form_refills_by_expiry ON form_refills(expires_at);
CREATE INDEX form_refills_by_session ON form_refills(session_hash);
