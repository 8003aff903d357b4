-- The response counters in shards. Every submission changes its consultation's counter; with
-- one row per consultation and status, the writing transaction held that row locked until its
-- COMMIT, so on PostgreSQL the writers of several servers (each a group-commit transaction of
-- many submissions) took turns on it, one COMMIT after the other. Now each transaction adds its
-- changes to one of 64 rows of the counter (its shard) and readers sum the rows: two
-- transactions wait for each other only when they pick the same shard. SQLite has one writer
-- and always uses shard 0. Counts stay exact: each shard is changed only inside the
-- transaction that writes the responses it counts, and a shard may go below zero (a response
-- counted in one shard and moved or deleted in another).
-- dialect: sqlite
DROP TRIGGER response_counts_insert;
DROP TRIGGER response_counts_delete;
DROP TRIGGER response_counts_update;
-- dialect: postgresql
DROP TRIGGER response_counts_insert ON responses;
DROP TRIGGER response_counts_delete ON responses;
DROP TRIGGER response_counts_update ON responses;
DROP FUNCTION response_counts_follow();
-- dialect: both
DROP TABLE response_counts;
CREATE TABLE response_counts (
  consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  shard INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (consultation_id, status, shard)
);
INSERT INTO response_counts(consultation_id, status, shard, n)
  SELECT consultation_id, status, 0, count(*) FROM responses GROUP BY consultation_id, status;
-- dialect: sqlite
CREATE TRIGGER response_counts_insert AFTER INSERT ON responses BEGIN
  INSERT INTO response_counts(consultation_id, status, shard, n)
    VALUES(NEW.consultation_id, NEW.status, 0, 1)
    ON CONFLICT(consultation_id, status, shard) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER response_counts_delete AFTER DELETE ON responses BEGIN
  UPDATE response_counts SET n = n - 1
    WHERE consultation_id = OLD.consultation_id AND status = OLD.status AND shard = 0;
END;
CREATE TRIGGER response_counts_update AFTER UPDATE OF consultation_id, status ON responses
  WHEN OLD.consultation_id IS NOT NEW.consultation_id OR OLD.status IS NOT NEW.status BEGIN
  UPDATE response_counts SET n = n - 1
    WHERE consultation_id = OLD.consultation_id AND status = OLD.status AND shard = 0;
  INSERT INTO response_counts(consultation_id, status, shard, n)
    VALUES(NEW.consultation_id, NEW.status, 0, 1)
    ON CONFLICT(consultation_id, status, shard) DO UPDATE SET n = n + 1;
END;
-- dialect: postgresql
-- The shard is the transaction's id modulo 64: fixed within a transaction (it locks at most one
-- row per consultation and status), different from one transaction to the next, so two servers'
-- writers meet on a row only when their ids fall on the same shard, and never for long. A
-- decrement for a consultation being deleted (its responses cascade) writes nothing: the
-- counter goes with it.
CREATE FUNCTION response_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s INTEGER := (pg_current_xact_id()::text::bigint % 64)::integer;
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO response_counts(consultation_id, status, shard, n)
      SELECT OLD.consultation_id, OLD.status, s, -1
      WHERE EXISTS (SELECT 1 FROM consultations WHERE id = OLD.consultation_id)
      ON CONFLICT(consultation_id, status, shard) DO UPDATE SET n = response_counts.n - 1;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO response_counts(consultation_id, status, shard, n)
      VALUES(NEW.consultation_id, NEW.status, s, 1)
      ON CONFLICT(consultation_id, status, shard) DO UPDATE SET n = response_counts.n + 1;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER response_counts_insert AFTER INSERT ON responses
  FOR EACH ROW EXECUTE FUNCTION response_counts_follow();
CREATE TRIGGER response_counts_delete AFTER DELETE ON responses
  FOR EACH ROW EXECUTE FUNCTION response_counts_follow();
CREATE TRIGGER response_counts_update AFTER UPDATE OF consultation_id, status ON responses
  FOR EACH ROW WHEN (OLD.consultation_id IS DISTINCT FROM NEW.consultation_id
                     OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION response_counts_follow();
