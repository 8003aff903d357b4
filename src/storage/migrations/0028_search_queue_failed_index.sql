-- Indexing an item deletes the item's earlier failure from the queue (search::IndexItem, in
-- the indexing transaction). Without an index that DELETE scanned the whole queue for every
-- item, so indexing a queue of n items took time in n² (a million responses queued at once
-- never finished in an hour). Only failed rows are in this index: it costs the queue nothing.
CREATE INDEX search_queue_failed ON search_queue(kind, ref_id) WHERE failed_at IS NOT NULL;
