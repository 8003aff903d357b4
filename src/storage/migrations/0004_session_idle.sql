-- Sessions end after 30 minutes without use as well as 8 hours after sign-in.
ALTER TABLE sessions ADD COLUMN last_seen INTEGER NOT NULL DEFAULT 0;
UPDATE sessions SET last_seen = created_at;
CREATE INDEX sessions_by_user ON sessions(user_id);
