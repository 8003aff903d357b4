-- Every durable submission wrote one entry in each of the responses' indexes, and
-- responses_by_consultation(consultation_id, status) is the prefix of
-- responses_by_consultation_order(consultation_id, status, submitted_at, id) (migration 0002):
-- every query that searched the first searches the second with the same terms (EXPLAIN QUERY
-- PLAN of each, docs/PROFILE.md), so the first costs each submission a B-tree insert for nothing.
DROP INDEX responses_by_consultation;
