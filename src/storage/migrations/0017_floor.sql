-- The delegates' floor: which agenda item of a meeting is under discussion, how long each
-- speaker may speak on it, who has the floor and since when, and which account asked for the
-- floor for itself (so that a delegate can withdraw their own request and see their place).
-- Plain added columns: the same statements on SQLite and PostgreSQL.
ALTER TABLE agenda_items ADD COLUMN under_discussion INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agenda_items ADD COLUMN speaking_seconds INTEGER NOT NULL DEFAULT 180
  CHECK (speaking_seconds BETWEEN 10 AND 3600);
ALTER TABLE agenda_items ADD COLUMN floor_speaker_id INTEGER REFERENCES speakers(id);
ALTER TABLE agenda_items ADD COLUMN floor_since INTEGER;
ALTER TABLE speakers ADD COLUMN user_id INTEGER REFERENCES users(id);
CREATE INDEX speakers_by_user ON speakers(agenda_item_id, user_id, status);
