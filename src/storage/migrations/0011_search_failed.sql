-- A queued item that cannot be indexed is set aside instead of blocking the queue: the
-- indexer (src/search/search.cc) marks its row with the time and the error, and the lag
-- counts only the rows without failed_at. The desk and /metrics (plenary_search_failed) show
-- them; indexing the same item again later deletes them.
ALTER TABLE search_queue ADD COLUMN failed_at INTEGER;
ALTER TABLE search_queue ADD COLUMN error TEXT;
