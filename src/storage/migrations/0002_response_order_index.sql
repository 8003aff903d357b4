-- Published-response pages list a consultation's responses in submission order: serve that
-- order from an index instead of sorting every row (100,000 responses: seconds → milliseconds).
CREATE INDEX responses_by_consultation_order
  ON responses(consultation_id, status, submitted_at, id);
