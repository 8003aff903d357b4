-- One open question per bracket across the languages (src/drafting/): the passages that bracket
-- the same question in the language versions of a provision share `question_id`, the id of the
-- question's first passage (a bracket placed without a question starts one: its own id).
-- Resolving a question resolves every passage of it at once.
-- Portable SQL: PostgreSQL accepts it as written.
ALTER TABLE brackets ADD COLUMN question_id INTEGER NOT NULL DEFAULT 0;

-- Brackets placed before this migration were one row per language with nothing linking them.
-- The n-th bracket placed in each language of a provision (in the order they were placed, open
-- or closed) is taken to be a passage of the same question, as the secretariat brackets the
-- same question in each language version: the demo's 2.b and 6.c become one question each with
-- their en, zh and ar passages.
UPDATE brackets SET question_id = (
  SELECT MIN(o.id) FROM brackets o
  WHERE o.provision_id = brackets.provision_id
    AND (SELECT COUNT(*) FROM brackets e
         WHERE e.provision_id = o.provision_id AND e.lang = o.lang AND e.id < o.id)
      = (SELECT COUNT(*) FROM brackets e
         WHERE e.provision_id = brackets.provision_id AND e.lang = brackets.lang
           AND e.id < brackets.id));

CREATE INDEX brackets_by_question ON brackets(question_id);
