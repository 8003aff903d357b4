-- The room's screen of a negotiated text (src/drafting/): the provision the secretariat or the
-- chair put under discussion. NULL: the screen shows the first provision with an open bracket.
-- Cleared when that provision is removed. Portable SQL: PostgreSQL accepts it as written.
ALTER TABLE texts ADD COLUMN under_discussion_id INTEGER REFERENCES provisions(id);
