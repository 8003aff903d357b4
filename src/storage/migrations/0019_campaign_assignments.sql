-- Campaign groupings stored, so that several servers on one database agree on them and a
-- restart does not regroup in another order. The grouping of a consultation depends only on
-- the order in which its responses entered it (campaigns/clusterer.h): `seq` is that order.
-- One server at a time groups new responses and appends them here, holding a lock until its
-- COMMIT (consultations/campaigns.cc), so entries become visible in the order of `seq`; every
-- server replays them in that order into its own clusterers, and so holds the same campaigns.
-- campaign_id is the campaign the response joined on arrival (a later merge may fold it into an
-- older one; the replayed clusterer has the current campaign).
CREATE TABLE campaign_assignments (
  seq INTEGER PRIMARY KEY,
  response_id INTEGER NOT NULL UNIQUE,
  consultation_id INTEGER NOT NULL,
  campaign_id INTEGER NOT NULL
);
