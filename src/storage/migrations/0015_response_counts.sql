-- The number of responses of each consultation in each status, kept by triggers in the
-- transaction that writes the responses, so that no page counts them (a count(*) walks every
-- response of the consultation: 100,000 entries on every request of its published list). A
-- migration that rebuilds `responses` must create these triggers again.
CREATE TABLE response_counts (
  consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (consultation_id, status)
);
INSERT INTO response_counts(consultation_id, status, n)
  SELECT consultation_id, status, count(*) FROM responses GROUP BY consultation_id, status;
-- dialect: sqlite
CREATE TRIGGER response_counts_insert AFTER INSERT ON responses BEGIN
  INSERT INTO response_counts(consultation_id, status, n) VALUES(NEW.consultation_id, NEW.status, 1)
    ON CONFLICT(consultation_id, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER response_counts_delete AFTER DELETE ON responses BEGIN
  UPDATE response_counts SET n = n - 1
    WHERE consultation_id = OLD.consultation_id AND status = OLD.status;
END;
CREATE TRIGGER response_counts_update AFTER UPDATE OF consultation_id, status ON responses
  WHEN OLD.consultation_id IS NOT NEW.consultation_id OR OLD.status IS NOT NEW.status BEGIN
  UPDATE response_counts SET n = n - 1
    WHERE consultation_id = OLD.consultation_id AND status = OLD.status;
  INSERT INTO response_counts(consultation_id, status, n) VALUES(NEW.consultation_id, NEW.status, 1)
    ON CONFLICT(consultation_id, status) DO UPDATE SET n = n + 1;
END;
-- dialect: postgresql
CREATE FUNCTION response_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE response_counts SET n = n - 1
      WHERE consultation_id = OLD.consultation_id AND status = OLD.status;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO response_counts(consultation_id, status, n)
      VALUES(NEW.consultation_id, NEW.status, 1)
      ON CONFLICT(consultation_id, status) DO UPDATE SET n = response_counts.n + 1;
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
